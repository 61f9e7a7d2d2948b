#include "importjob.h"

#include "importexport/importreader.h"
#include "library/libraryloader.h"

#include <exception>

namespace mgreview::gui {

QVector<ReadResult> readImportFiles(const QStringList &files, std::optional<ImportFormat> format,
    ImportProgress *progress)
{
    QVector<ReadResult> results;
    results.reserve(files.size());
    progress->total.store(int(files.size()));
    for (const QString &file : files) {
        if (progress->cancel.load())
            break;
        try {
            results.append(readImportFile(file, format));
        } catch (const std::exception &e) {
            // A reader never throws by contract; if one does (out of memory), the file is an error.
            ReadResult failed;
            failed.issues.append({ file, 0, QStringLiteral("could not be read: %1").arg(QString::fromUtf8(e.what())) });
            results.append(failed);
        }
        progress->done.fetch_add(1);
    }
    return results;
}

ImportPreview planReadFiles(const Database &database, const QVector<ReadResult> &results, const QStringList &files,
    const ImportProgress *progress)
{
    ImportPreview preview;
    if (progress->cancel.load()) {
        preview.cancelled = true;
        return preview;
    }
    try {
        std::optional<ImportPlan> plan = planImport(database, results, files, &preview.error);
        if (plan)
            preview.plan = std::make_shared<const ImportPlan>(std::move(*plan));
    } catch (const std::exception &e) {
        preview.error = QString::fromUtf8(e.what());
    }
    return preview;
}

ImportCommit commitImportPlan(const Database &database, const ImportPlan &plan, const RuleEngine *engine,
    ImportProgress *progress, const std::function<void()> &atStep)
{
    ImportCommit commit;
    if (progress->cancel.load()) {
        // Cancelled while waiting for the I/O thread: nothing was started.
        commit.outcome.cancelled = true;
        commit.outcome.error = QStringLiteral("cancelled; nothing was saved");
        return commit;
    }
    try {
        commit.outcome = applyImport(
            database, plan,
            [progress, &atStep](int done, int total) {
                progress->total.store(total, std::memory_order_relaxed);
                progress->done.store(done, std::memory_order_relaxed);
                if (atStep)
                    atStep();
                return !progress->cancel.load();
            },
            engine);
    } catch (const std::exception &e) {
        commit.outcome.ok = false;
        commit.outcome.error = QString::fromUtf8(e.what());
    }
    if (!commit.outcome.ok)
        return commit;
    auto index = std::make_shared<StudySearchIndex>();
    if (readLibrary(database, &commit.rows, index.get(), &commit.refreshError))
        commit.searchIndex = std::move(index);
    return commit;
}

} // namespace mgreview::gui
