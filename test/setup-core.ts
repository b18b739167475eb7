// Core's worker-recycling guard exits the process after 250 invocations once RSS passes 450 MB
// (meant for a Lambda worker). A Jest worker runs hundreds to thousands of invocations and may
// already be that large, so the guard is shown a small RSS; nothing in the tests measures memory
// through process.memoryUsage (the benchmarks do, in their own processes).
const realMemoryUsage = process.memoryUsage.bind(process);
jest
  .spyOn(process, 'memoryUsage')
  .mockImplementation(() => ({ ...realMemoryUsage(), rss: 100 * 1024 * 1024 }) as NodeJS.MemoryUsage);
