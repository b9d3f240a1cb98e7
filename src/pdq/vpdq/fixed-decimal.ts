// Fixed-point formatting that matches C's printf("%.Nf") and Python's format(x, ".Nf").
// Number#toFixed rounds exact ties away from zero, glibc and Python round them to even;
// the reference outputs (timestamps, match percentages) were printed by the latter.

export function formatFixed(x: number, digits: number): string {
  const plain = x.toFixed(digits);
  // toFixed switches to exponent notation from 1e21; no tie handling needed for our values there.
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return plain;
  // toFixed(100) is the exact decimal value for every double >= 2^-47; a tie needs
  // exactly digits+1 decimals, so anything smaller cannot be one.
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const frac = exact.slice(dot + 1);
  if (frac[digits] !== '5' || !/^0*$/.test(frac.slice(digits + 1))) return plain;
  const truncated = BigInt(exact.slice(0, dot) + frac.slice(0, digits));
  const even = truncated % 2n === 0n ? truncated : truncated + 1n;
  const s = even.toString().padStart(digits + 1, '0');
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return x < 0 ? `-${body}` : body;
}
