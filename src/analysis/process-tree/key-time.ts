/** The time format of msticpy's process keys. */

/** A time as msticpy formats it in keys: `%Y-%m-%d %H:%M:%S.%f` (microseconds from our milliseconds). */
export function keyTime(time: Date): string {
  const iso = time.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/**
 * `keyTime` for many times in a row: the `YYYY-MM-DD HH:MM:SS` part is reused while the second does not
 * change, which saves most of the Date formatting on time-ordered input.
 */
export function keyTimeFormatter(): (ms: number) => string {
  let second = Number.NaN;
  let prefix = '';
  return (ms) => {
    const thisSecond = Math.floor(ms / 1000);
    if (thisSecond !== second) {
      second = thisSecond;
      prefix = keyTime(new Date(thisSecond * 1000)).slice(0, 19);
    }
    return `${prefix}.${String(ms - thisSecond * 1000).padStart(3, '0')}000`;
  };
}
