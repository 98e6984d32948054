// workerd provides node:async_hooks under nodejs_compat; the Workers types do not declare it.
declare module 'node:async_hooks' {
  export class AsyncLocalStorage<T> {
    run<R>(store: T, fn: () => R): R;
    getStore(): T | undefined;
  }
}
