/**
 * A zone where it is now around noon (Etc/GMT-N is UTC+N): local windows there hold a test's times from now to a
 * few hours ahead without one crossing the local midnight (or an all-day window's last minute), whenever the tests run.
 */
export function noonZone(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 12) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
