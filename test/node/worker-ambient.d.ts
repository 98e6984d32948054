// Node-side type-checking reaches src/env.ts through pure pipeline modules; it names the
// Worker's binding types, which only the worker tsconfig loads. These stand in for them.
interface Env {}
type Ai = unknown;
type RateLimit = unknown;
type Queue<Body = unknown> = { send(body: Body): Promise<void> };
