export function holdBuild(dir: string): void;
export function buildInUse(dir: string): boolean;
