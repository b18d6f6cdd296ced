// Preloaded into a server process (NODE_OPTIONS=--import) to run its clock TABLEBOOK_TEST_CLOCK_OFFSET_MS
// away from the database's, as a machine whose clock drifted would: Date.now() and new Date() shifted.
const offset = Number(process.env.TABLEBOOK_TEST_CLOCK_OFFSET_MS ?? 0);
if (offset !== 0) {
  const RealDate = globalThis.Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset);
      else super(...args);
    }
    static now() {
      return realNow() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
