import Foundation
import RegistryModel

#if canImport(Glibc)
import Glibc
#endif

/// The month's records' values as exported, between ingest and the ledger write, in a
/// temporary file instead of in memory. Only the ledger needs them (`source_record.fields`),
/// and a million records' values held as strings were 0.4 GB of the month's peak. They are
/// written as the JSON the ledger stores, in record order, on the thread that normalises, and
/// read back a share of records at a time, each share one read.
///
/// The file is unlinked as soon as it is made: nothing is left behind, whatever ends the run.
final class ExportedFieldsWriter {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var flushedBytes = 0
    /// Where each record's JSON ends in the file, in record order.
    private var ends: [Int] = []
    private var failure: (any Error)?
    /// Set once `finish` has handed the file to an `ExportedFields`, which closes it.
    private var handedOver = false

    /// Flushed to the file at this size: large enough that writing costs one system call per
    /// thousands of records.
    private static let flushSize = 1 << 20

    /// Makes the file in `directory`: by default the system's temporary folder (`TMPDIR`).
    init(in directory: URL = FileManager.default.temporaryDirectory) throws {
        var template = Array(directory.appendingPathComponent("rereg-fields-XXXXXX").path.utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw PipelineError.temporaryFile(reason: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        pending.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        if !handedOver { close(descriptor) }
    }

    func append(_ values: FieldValues) {
        pending.append(contentsOf: values.json.utf8)
        ends.append(flushedBytes + pending.count)
        if pending.count >= Self.flushSize { flush() }
    }

    /// Everything appended, readable; the first write error, if any, now.
    func finish() throws -> ExportedFields {
        flush()
        if let failure { throw failure }
        handedOver = true
        return ExportedFields(descriptor: descriptor, ends: ends)
    }

    private func flush() {
        guard failure == nil, !pending.isEmpty else { return }
        let count = pending.count
        let written = pending.withUnsafeBytes { bytes in
            var done = 0
            while done < count {
                let result = write(descriptor, bytes.baseAddress! + done, count - done)
                if result < 0 {
                    if errno == EINTR { continue }
                    return done
                }
                done += result
            }
            return done
        }
        if written < count {
            failure = PipelineError.temporaryFile(reason: String(cString: strerror(errno)))
        }
        flushedBytes += count
        pending.removeAll(keepingCapacity: true)
    }
}

/// The exported values as written, read by record index; closes the file when let go of.
final class ExportedFields: Sendable {
    private let descriptor: Int32
    private let ends: [Int]

    fileprivate init(descriptor: Int32, ends: [Int]) {
        self.descriptor = descriptor
        self.ends = ends
    }

    deinit {
        close(descriptor)
    }

    var count: Int { ends.count }

    /// The JSON of the records in `range`, in order: one read for the whole range.
    func json(_ range: Range<Int>) throws -> [String] {
        guard !range.isEmpty else { return [] }
        let start = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
        let end = ends[range.upperBound - 1]
        var bytes = [UInt8](repeating: 0, count: end - start)
        let read = bytes.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(start + done))
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return done }
                done += result
            }
            return done
        }
        guard read == bytes.count else { throw PipelineError.temporaryFile(reason: String(cString: strerror(errno))) }
        var offset = 0
        return range.map { index in
            let length = ends[index] - (index == 0 ? 0 : ends[index - 1])
            defer { offset += length }
            return String(decoding: bytes[offset ..< offset + length], as: UTF8.self)
        }
    }
}
