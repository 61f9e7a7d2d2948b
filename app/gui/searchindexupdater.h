#pragma once

#include "store/fulltextindex.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace mgreview {
class StudySearchIndex;
}

namespace mgreview::gui {

/// Keeps the window's in-memory search index current when the text of single studies
/// changes (their annotation notes and tags): instead of reading the whole library again it
/// copies the index on a worker thread, replaces those studies' rows
/// (StudySearchIndex::replaceRow) and hands the copy to the window. The index the window
/// searches is never changed in place (a search may be running on it).
///
/// Updates are applied one batch at a time and in order; texts arriving meanwhile wait and
/// the latest text of a study wins. When the window got another index while a batch ran (a
/// reclassification, an import), the batch is applied again to that one: a row holding the
/// library's latest text is correct whatever the index held before.
class SearchIndexUpdater : public QObject
{
    Q_OBJECT

public:
    struct Hooks {
        /// The index the window searches now (may be null before a library is open).
        std::function<std::shared_ptr<const StudySearchIndex>()> current;
        /// The row of a study in that index (its position among the table's studies), or -1.
        std::function<int(const QString &studyId)> rowOf;
        /// Gives the window the updated index.
        std::function<void(std::shared_ptr<const StudySearchIndex>)> install;
    };
    explicit SearchIndexUpdater(Hooks hooks, QObject *parent = nullptr);

    /// The study's text as the library indexes it now.
    void update(const QString &studyId, const SearchableText &text);
    bool isBusy() const { return m_running || !m_pending.isEmpty(); }
    /// Forgets waiting and running updates (another library was opened).
    void clear();

Q_SIGNALS:
    /// An updated index was handed to the window.
    void installed();

private:
    void start();

    Hooks m_hooks;
    QHash<QString, SearchableText> m_pending;
    bool m_running = false;
    quint64 m_generation = 0; ///< Bumped by clear(): a batch of an earlier generation is dropped.
};

} // namespace mgreview::gui
