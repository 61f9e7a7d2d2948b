#include "searchindexupdater.h"

#include "library/studysearchindex.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace mgreview::gui {

namespace {

struct RowText {
    qsizetype row = -1;
    SearchableText text;
};

} // namespace

SearchIndexUpdater::SearchIndexUpdater(Hooks hooks, QObject *parent) : QObject(parent), m_hooks(std::move(hooks))
{
}

void SearchIndexUpdater::update(const QString &studyId, const SearchableText &text)
{
    m_pending.insert(studyId, text);
    if (!m_running)
        start();
}

void SearchIndexUpdater::clear()
{
    m_pending.clear();
    ++m_generation;
}

void SearchIndexUpdater::start()
{
    std::shared_ptr<const StudySearchIndex> base = m_hooks.current();
    if (!base) {
        m_pending.clear(); // No index yet: the one the library opens with reads the texts.
        return;
    }
    QHash<QString, SearchableText> batch = std::exchange(m_pending, {});
    QVector<RowText> rows;
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        if (const int row = m_hooks.rowOf(it.key()); row >= 0)
            rows.append({ row, it.value() });
    }
    if (rows.isEmpty())
        return; // Studies the window does not list (annotations outlive studies).
    m_running = true;
    // Copying a large index takes milliseconds to tens of them: off the GUI thread.
    QtConcurrent::run([base, rows] {
        auto updated = std::make_shared<StudySearchIndex>(*base);
        for (const RowText &r : rows)
            updated->replaceRow(r.row, r.text);
        return std::shared_ptr<const StudySearchIndex>(std::move(updated));
    }).then(this, [this, base, batch, generation = m_generation](const std::shared_ptr<const StudySearchIndex> &updated) {
        m_running = false;
        if (generation != m_generation) {
            // Another library: its index was read after everything of this one.
        } else if (m_hooks.current() == base) {
            m_hooks.install(updated);
            Q_EMIT installed();
        } else {
            // The window was given another index meanwhile: apply the batch to that one,
            // unless a newer text of a study is already waiting.
            for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
                if (!m_pending.contains(it.key()))
                    m_pending.insert(it.key(), it.value());
            }
        }
        if (!m_pending.isEmpty())
            start();
    });
}

} // namespace mgreview::gui
