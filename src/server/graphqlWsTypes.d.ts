/**
 * Types of `graphql-ws/use/ws` for this project's `moduleResolution: node`, which does not read
 * package `exports` (Node and tsx do, at run time, and load the real module).
 */
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
