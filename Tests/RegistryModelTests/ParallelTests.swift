import Foundation
import RegistryModel
import Testing

struct ParallelTests {
    struct Failure: Error, Equatable { let job: Int }

    @Test func mapKeepsInputOrderAcrossWorkers() {
        let items = Array(0 ..< 3 * Parallel.minimumPerWorker + 7)
        #expect(Parallel.map(items) { $0 * 2 } == items.map { $0 * 2 })
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

    final class Counter: @unchecked Sendable {
        private var count = 0
        private let lock = NSLock()
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
