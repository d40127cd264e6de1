import Foundation

/// Independent work spread over the machine's cores. The batch runs on small servers
/// (two cores here), where classifying institutions on both halves the stage; results come
/// back in input order, so the ledger does not depend on scheduling. Every stage that has
/// independent items uses it (linkage's keys and candidates, assessment, state coding).
public enum Parallel {
    /// Below this many items a second thread costs more than it saves.
    public static let minimumPerWorker = 2_000

    /// Each worker writes its results straight into the output, in input order: gathering
    /// per-worker arrays and joining them would hold every result twice (half a million
    /// ledger lines with their evidence are over a gigabyte). Items that are themselves spans
    /// of work (a span of records) lower `minimumPerWorker`.
    public static func map<Items: RandomAccessCollection & Sendable, Result: Sendable>(
        _ items: Items, minimumPerWorker: Int = minimumPerWorker, _ transform: @escaping @Sendable (Items.Element) -> Result
    ) -> [Result] where Items.Index == Int {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count / minimumPerWorker)
        guard workers > 1 else { return items.map(transform) }
        let chunk = (items.count + workers - 1) / workers
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initializedCount in
            let output = Output(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for offset in worker * chunk ..< min(items.count, (worker + 1) * chunk) {
                    (output.base + offset).initialize(to: transform(items[items.startIndex + offset]))
                }
            }
            initializedCount = items.count
        }
    }

    /// Each item on the next core to come free, results in input order; the first failure in
    /// input order is thrown once all have finished. For a few items of unequal size (a
    /// month's files), where `map`'s equal shares would leave a core idle.
    public static func mapEach<Item: Sendable, Value: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) throws -> Value
    ) throws -> [Value] {
        guard items.count > 1 else { return try items.map(transform) }
        let results = [Swift.Result<Value, any Error>](unsafeUninitializedCapacity: items.count) { buffer, initializedCount in
            let output = Output(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (output.base + index).initialize(to: Swift.Result { try transform(items[index]) })
            }
            initializedCount = items.count
        }
        return try results.map { try $0.get() }
    }

    /// The output buffer, shared by workers that each initialise their own disjoint range.
    private struct Output<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
    }

    /// Two jobs side by side, the first on this thread; both finish before a failure is
    /// thrown, the first job's first. Jobs that cannot fail make a call that cannot either.
    public static func both<First, Second: Sendable, Failure: Error>(
        _ first: () throws(Failure) -> First, _ second: @escaping @Sendable () throws(Failure) -> Second
    ) throws(Failure) -> (First, Second) {
        let secondJob = Started { Result { () throws(Failure) in try second() } }
        let firstResult = Result { () throws(Failure) in try first() }
        let secondResult = secondJob.result()
        return (try firstResult.get(), try secondResult.get())
    }

    /// Work started on another thread, whose result this thread takes when it needs it (reading
    /// the next chunk of the ledger meanwhile, say).
    public final class Started<Value: Sendable>: @unchecked Sendable {
        private var value: Value?
        private let done = DispatchGroup()

        public init(_ work: @escaping @Sendable () -> Value) {
            DispatchQueue.global().async(group: done) { self.value = work() }
        }

        /// Waits for the work to finish.
        public func result() -> Value {
            done.wait()
            return value!
        }
    }

    /// Lets go of a value on another thread: a month's records and memories are millions of
    /// small objects, whose freeing need not hold up the step that follows. The caller must
    /// hold no other reference (pass it with `consume`).
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box<Value>()
        box.value = consume value
        DispatchQueue.global().async(group: releasing) { box.value = nil }
    }

    /// Waits until every value handed to `release` is let go of: before a step that allocates
    /// much, so that it does not stand on top of what is still being freed.
    public static func finishReleasing() {
        releasing.wait()
    }

    private static let releasing = DispatchGroup()

    /// A value handed to the thread that lets go of it.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }

    /// Makes chunk `k + 1` on another thread while `consume` takes chunk `k` on this one, in
    /// order: the ledger binds rows into SQLite, which is one thread's work, while the next
    /// rows' JSON is made. At most one chunk waits made. When `consume` throws, no further
    /// chunk is made, and the error is rethrown once the maker has stopped.
    public static func overlapped<Chunk: Sendable, Failure: Error>(
        chunks count: Int, make: @escaping @Sendable (Int) -> Chunk, consume: (Chunk) throws(Failure) -> Void
    ) throws(Failure) {
        let handoff = Handoff<Chunk>(capacity: 1)
        let maker = DispatchGroup()
        DispatchQueue.global().async(group: maker) {
            for index in 0 ..< count {
                guard handoff.put(make(index)) else { return }
            }
        }
        defer {
            handoff.cancel()
            maker.wait()
        }
        for _ in 0 ..< count { try consume(handoff.take()) }
    }

    /// A bounded queue between one maker and one consumer.
    private final class Handoff<Chunk>: @unchecked Sendable {
        private var waiting: [Chunk] = []
        private var cancelled = false
        private let capacity: Int
        private let condition = NSCondition()

        init(capacity: Int) { self.capacity = capacity }

        /// Waits for room; false once the consumer has stopped.
        func put(_ chunk: Chunk) -> Bool {
            condition.withLock {
                while waiting.count >= capacity && !cancelled { condition.wait() }
                guard !cancelled else { return false }
                waiting.append(chunk)
                condition.broadcast()
                return true
            }
        }

        /// Waits for the next chunk; only called for chunks the maker will make.
        func take() -> Chunk {
            condition.withLock {
                while waiting.isEmpty { condition.wait() }
                condition.broadcast()
                return waiting.removeFirst()
            }
        }

        func cancel() {
            condition.withLock {
                cancelled = true
                condition.broadcast()
            }
        }
    }

    /// Runs independent jobs side by side; the first failure in job order is thrown once all
    /// have finished, so no job is left writing after the caller has moved on.
    public static func run(_ jobs: [@Sendable () throws -> Void]) throws {
        _ = try mapEach(jobs) { try $0() }
    }
}
