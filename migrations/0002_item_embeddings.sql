-- Item embeddings for clustering (issue 9): headline + lede embedded once at ingest when the AI
-- binding is present, stored as base64 of int8 components of the unit vector (1,024 bytes for bge-m3).
ALTER TABLE `items` ADD `embedding` text;
