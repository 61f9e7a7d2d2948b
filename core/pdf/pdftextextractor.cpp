#include "pdf/pdftextextractor.h"

#include "pdf/pdfcoretext.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace mgreview {

namespace {

// A second thread opens its own document and parses its own fonts: worth it for long
// documents only. Papers (under 64 pages) are read on one thread, at pdftotext's CPU cost.
constexpr int kMinPagesPerThread = 32;

void readRange(const PdfDocument &document, int from, int to, QVector<PdfPageText> &pages,
               const std::atomic_bool *cancel)
{
    // One core reader for the run keeps Poppler's caches across pages (pdfcoretext.h).
    PdfCoreTextReader reader(document);
    for (int i = from; i < to; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;
        pages[i] = reader.isOk() ? reader.pageText(i) : document.pageText(i);
    }
}

} // namespace

PdfTextExtraction extractPdfText(const QString &path, const QString &password, int threads,
                                 const std::atomic_bool *cancel, int maxPages)
{
    PdfTextExtraction out;
    const std::unique_ptr<PdfDocument> document = PdfDocument::open(path, password, &out.opened);
    if (!document)
        return out;
    out.pageCount = document->pageCount();
    for (const QString &key : document->infoKeys())
        out.info.insert(key, document->info(key));
    out.xmp = document->xmpMetadata();
    const int count = maxPages >= 0 ? std::min(maxPages, out.pageCount) : out.pageCount;
    threads = std::clamp(std::min(threads, count / kMinPagesPerThread), 1, 8);
    out.pages.resize(count);
    const int chunk = (count + threads - 1) / threads;
    std::vector<std::thread> workers;
    std::vector<char> opened(size_t(threads), 1); // not vector<bool>: threads write their own element
    for (int t = 1; t < threads; ++t) {
        workers.emplace_back([&, t] {
            PdfOpenResult again;
            const std::unique_ptr<PdfDocument> own = PdfDocument::open(path, password, &again);
            if (!own) {
                opened[size_t(t)] = 0;
                return;
            }
            readRange(*own, t * chunk, std::min(count, (t + 1) * chunk), out.pages, cancel);
        });
    }
    readRange(*document, 0, std::min(count, chunk), out.pages, cancel);
    for (std::thread &worker : workers)
        worker.join();
    // A file replaced between the opens: read the missing runs here.
    for (int t = 1; t < threads; ++t) {
        if (!opened[size_t(t)])
            readRange(*document, t * chunk, std::min(count, (t + 1) * chunk), out.pages, cancel);
    }
    if (cancel && cancel->load()) {
        out.cancelled = true;
        out.pages.clear();
    }
    return out;
}

} // namespace mgreview
