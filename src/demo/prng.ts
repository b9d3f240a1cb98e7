// Moved to src/platform/prng.ts (the graph module uses it too); kept here for the demo's imports.
export * from '../platform/prng.ts';
