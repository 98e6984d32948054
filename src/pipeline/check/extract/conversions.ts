/**
 * Unit conversions a writer adds: "200 yards (about 180 meters)", "99 degrees Fahrenheit, or 37 Celsius". The second
 * figure restates the one before it in another unit, so a source need not give it; a conversion that is off by more
 * than rounding is no restatement, and is checked like any other figure.
 */
import type { Figure } from './numbers';

// Each unit's dimension and its size in that dimension's base unit (metre, kilogram, square metre, litre).
const UNITS: [RegExp, string, number][] = [
  [/^(?:inch|inches|in)$/, 'length', 0.0254],
  [/^(?:foot|feet|ft)$/, 'length', 0.3048],
  [/^(?:yard|yards|yd|yds)$/, 'length', 0.9144],
  [/^(?:mile|miles|mi)$/, 'length', 1609.344],
  [/^(?:millimet(?:er|re)s?|mm)$/, 'length', 0.001],
  [/^(?:centimet(?:er|re)s?|cm)$/, 'length', 0.01],
  [/^(?:met(?:er|re)s?|m)$/, 'length', 1],
  [/^(?:kilomet(?:er|re)s?|km)$/, 'length', 1000],
  [/^(?:ounces?|oz)$/, 'mass', 0.028349523125],
  [/^(?:pounds?|lbs?)$/, 'mass', 0.45359237],
  [/^(?:grams?|g)$/, 'mass', 0.001],
  [/^(?:kilograms?|kilos?|kg)$/, 'mass', 1],
  [/^(?:tons?)$/, 'mass', 907.18474],
  [/^(?:tonnes?|metric tons?)$/, 'mass', 1000],
  [/^(?:square (?:feet|foot)|sq ft)$/, 'area', 0.09290304],
  [/^(?:square met(?:er|re)s?|sq m)$/, 'area', 1],
  [/^(?:acres?)$/, 'area', 4046.8564224],
  [/^(?:hectares?|ha)$/, 'area', 10000],
  [/^(?:square miles?|sq mi)$/, 'area', 2589988.110336],
  [/^(?:square kilomet(?:er|re)s?|sq km|km2|km²)$/, 'area', 1e6],
  [/^(?:gallons?|gal)$/, 'volume', 3.785411784],
  [/^(?:lit(?:er|re)s?|l)$/, 'volume', 1],
];

const UNIT_WORDS = String.raw`(?:square|sq|metric)?\s?[\p{L}²]+`;
// A unit after the first figure, then "(" (or ", or") and a hedge at most, right before the converted figure.
const BEFORE_PAREN = new RegExp(String.raw`^[\s-]*(degrees\s+(?:fahrenheit|celsius)|°\s?[FC]|${UNIT_WORDS})\s*(?:\(|,?\s+or|,)\s*(?:about|roughly|around|nearly|approximately|some|almost|(?:a\s+little\s+|just\s+|slightly\s+)?(?:more\s+than|over|under|less\s+than))?\s*$`, 'iu');
const AFTER_FIGURE = new RegExp(String.raw`^[\s-]*(degrees\s+(?:fahrenheit|celsius)|°\s?[FC]|${UNIT_WORDS})`, 'iu');

/** A unit as written, as [dimension, size in the base unit], or null; temperatures are "F" and "C". */
function unitOf(written: string): [string, number] | null {
  const w = written.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/fahrenheit|°\s?f/.test(w)) return ['F', 1];
  if (/celsius|°\s?c/.test(w)) return ['C', 1];
  for (const [re, dimension, size] of UNITS) if (re.test(w)) return [dimension, size];
  return null;
}

/**
 * Whether `value` (written in `to`) converts `from` (written in `fromUnit`) within rounding: 5%, or half a unit from 10 up,
 * the precision writers convert to ("about 180 meters" for 200 yards, 182.9; not "2 kilometers" for a mile). A change of
 * temperature (`change`: "rose 1.5 degrees Celsius") converts without the scales' offset.
 */
function converts(from: number, fromUnit: [string, number], value: number, toUnit: [string, number], change: boolean): boolean {
  let exact: number;
  const offset = change ? 0 : 32;
  if (fromUnit[0] === 'F' && toUnit[0] === 'C') exact = ((from - offset) * 5) / 9;
  else if (fromUnit[0] === 'C' && toUnit[0] === 'F') exact = (from * 9) / 5 + offset;
  else if (fromUnit[0] === toUnit[0] && fromUnit[1] !== toUnit[1]) exact = (from * fromUnit[1]) / toUnit[1];
  else return false;
  return Math.abs(exact - value) <= Math.max(0.05 * Math.abs(exact), Math.abs(exact) >= 10 ? 0.5 : 0);
}

// A change told before the figure ("rose 1.5 degrees", "warmed by 2 degrees"): a difference, not a reading.
const CHANGE_BEFORE = /\b(?:rose|risen|rise|rises|fell|fallen|fall|falls|dropped|drop|climbed|jumped|increased?|decreased?|warm(?:ed|ing)?|cool(?:ed|ing)?|up|down|by|higher|lower|hotter|colder|warmer|cooler)\s+(?:\p{L}+\s+)?$/iu;

/**
 * The figures that convert the figure before them: "(about 180 meters)" after "200 yards".
 * `figures` are in order of appearance; values are read from their keys ("n:180").
 */
export function conversionsOf(text: string, figures: readonly Figure[]): Set<Figure> {
  const out = new Set<Figure>();
  for (let i = 1; i < figures.length; i++) {
    const [g, f] = [figures[i - 1]!, figures[i]!];
    if (g.kind !== 'number' || f.kind !== 'number') continue;
    const between = BEFORE_PAREN.exec(text.slice(g.start + g.raw.length, f.start));
    const after = between ? AFTER_FIGURE.exec(text.slice(f.start + f.raw.length, f.start + f.raw.length + 30)) : null;
    if (!between || !after) continue;
    const [fromUnit, toUnit] = [unitOf(between[1]!), unitOf(after[1]!)];
    const change = CHANGE_BEFORE.test(text.slice(Math.max(0, g.start - 30), g.start));
    if (fromUnit && toUnit && converts(Number(g.key.slice(2)), fromUnit, Number(f.key.slice(2)), toUnit, change)) out.add(f);
  }
  return out;
}

// Unit abbreviations that are also everyday words or letters ("20 in 2019", "5 m" for million): no unit alone.
const AMBIGUOUS_UNIT = /^(?:in|m|l|g|ha|mi|t)$/i;
// "square" and "metric" join the next word with a space or a hyphen ("1,235-square-mile park").
const UNIT_AFTER = /^[\s-]*((?:(?:square|sq|metric)[\s-])?[\p{L}²]+)/iu;

/**
 * The unit of measure (length, mass, area, volume; not time or money) written right after a figure, as
 * { written, unit: "dimension:size" }, or null: "1,235-square-mile" -> { written: "square-mile", unit: "area:2589988.110336" }.
 */
export function measureUnitAfter(text: string, f: Figure): { written: string; unit: string } | null {
  const m = UNIT_AFTER.exec(text.slice(f.start + f.raw.length, f.start + f.raw.length + 30));
  if (!m || AMBIGUOUS_UNIT.test(m[1]!)) return null;
  const unit = unitOf(m[1]!.replace(/-/g, ' '));
  if (!unit || unit[0] === 'F' || unit[0] === 'C') return null;
  // "tons" and "tonnes" are written loosely for each other: one unit here, though a conversion tells them apart.
  return { written: m[1]!, unit: unit[0] === 'mass' && unit[1] >= 900 ? 'mass:ton' : unit.join(':') };
}
