import Foundation
import Support
import Testing

struct ParallelTests {
    struct Failure: Error, Equatable { let job: Int }

    @Test func mapKeepsInputOrderAcrossWorkers() {
        let items = Array(0 ..< 3 * Parallel.minimumPerWorker + 7)
        #expect(Parallel.map(items) { $0 * 2 } == items.map { $0 * 2 })
    }

    @Test func mapReadsASliceFromItsOwnStart() {
        let items = Array(0 ..< 5 * Parallel.minimumPerWorker)
        let slice = items[Parallel.minimumPerWorker + 3 ..< 4 * Parallel.minimumPerWorker]
        #expect(Parallel.map(slice) { $0 * 2 } == slice.map { $0 * 2 })
        #expect(Parallel.map(7 ..< 3 * Parallel.minimumPerWorker, minimumPerWorker: 1) { $0 } == Array(7 ..< 3 * Parallel.minimumPerWorker))
    }

    @Test func runFinishesEveryJobAndThrowsTheFirstFailureInJobOrder() {
        let finished = Counter()
        let jobs: [@Sendable () throws -> Void] = (0 ..< 6).map { job in
            { @Sendable in
                finished.add()
                if job == 2 || job == 4 { throw Failure(job: job) }
            }
        }
        #expect(throws: Failure(job: 2)) { try Parallel.run(jobs) }
        #expect(finished.value == 6)
    }

    @Test func mapEachKeepsInputOrderAndThrowsTheFirstFailureInInputOrder() throws {
        // The first item is the slowest: its result must still come first.
        let sizes = [0.05, 0, 0.01, 0, 0]
        #expect(try Parallel.mapEach(Array(sizes.indices)) { index in
            Thread.sleep(forTimeInterval: sizes[index])
            return index * 10
        } == [0, 10, 20, 30, 40])

        let finished = Counter()
        #expect(throws: Failure(job: 1)) {
            try Parallel.mapEach(Array(0 ..< 5)) { index in
                finished.add()
                if index == 3 { throw Failure(job: 3) }
                if index == 1 { Thread.sleep(forTimeInterval: 0.05); throw Failure(job: 1) }
                return index
            }
        }
        #expect(finished.value == 5)
    }

    @Test func bothReturnsEachJobsResultAndWaitsForBothBeforeThrowing() throws {
        let (text, number) = try Parallel.both({ "臨河" }, { 42 })
        #expect(text == "臨河" && number == 42)

        let finished = Counter()
        #expect(throws: Failure(job: 1)) {
            try Parallel.both({ () throws -> Int in throw Failure(job: 1) }, { () throws -> Int in
                Thread.sleep(forTimeInterval: 0.05)
                finished.add()
                throw Failure(job: 2)
            })
        }
        #expect(finished.value == 1)
    }

    @Test func overlappedConsumesEveryChunkInOrder() throws {
        var consumed: [Int] = []
        try Parallel.overlapped(chunks: 50, make: { $0 * 10 }) { consumed.append($0) }
        #expect(consumed == (0 ..< 50).map { $0 * 10 })
    }

    @Test func overlappedStopsMakingOnceTheConsumerFails() {
        let made = Counter()
        var consumed = 0
        #expect(throws: Failure(job: 3)) {
            try Parallel.overlapped(chunks: 1_000, make: { index in made.add(); return index }) { index in
                if index == 3 { throw Failure(job: 3) }
                consumed += 1
            }
        }
        #expect(consumed == 3)
        // Four taken, at most one waiting and one being made when the consumer stopped.
        #expect(made.value <= 4 + 1 + 1)
    }

    @Test func finishReleasingWaitsUntilEveryReleasedValueIsGone() {
        final class Watched: Sendable {
            let gone: Counter
            init(_ gone: Counter) { self.gone = gone }
            deinit {
                Thread.sleep(forTimeInterval: 0.05)
                gone.add()
            }
        }
        let gone = Counter()
        Parallel.release(Watched(gone))
        Parallel.release(Watched(gone))
        Parallel.finishReleasing()
        #expect(gone.value == 2)
    }

    final class Counter: @unchecked Sendable {
        private var count = 0
        private let lock = NSLock()
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
