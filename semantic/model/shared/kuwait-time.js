// Kuwait time in the model, defined once. The marts hold Kuwaiti calendar days and Kuwait
// wall-clock timestamps; Cube's time dimensions want instants, and every query runs in
// Asia/Kuwait (query-rewrite.ts), so a Kuwaiti day becomes the instant of Kuwait midnight and a
// wall-clock time the instant 3 hours earlier. Kuwait has kept +03:00 without daylight saving
// since 1950, so the offset is fixed: integer microseconds, because ICU's timezone() is ~25x
// slower over the daily marts (semantic/README.md, Speed).
//
// Model files import these as `./shared/kuwait-time` whatever folder they are in: Cube resolves
// a model import from the model folder, not from the importing file.

/** Microseconds Kuwait is ahead of UTC (+03:00). */
const KUWAIT_UTC_OFFSET_US = 10800000000;

/** A DATE column (a Kuwaiti calendar day) as the instant of Kuwait midnight. */
export const kuwaitDay = (day) => `make_timestamptz(epoch_us(${day}::timestamp) - ${KUWAIT_UTC_OFFSET_US})`;

/** A TIMESTAMP column in Kuwait wall-clock time as the instant it names. */
export const kuwaitWallClock = (timestamp) => `make_timestamptz(epoch_us(${timestamp}) - ${KUWAIT_UTC_OFFSET_US})`;
