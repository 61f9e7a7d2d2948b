#pragma once

#include "library/studysearchindex.h"

#include <QBitArray>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace mgreview {
class StudyTableModel;
}

namespace mgreview::gui {

/// Search-as-you-type: debounces keystrokes, matches on a worker thread and applies the
/// result to the table model on the GUI thread.
///
/// A new query cancels the one still running (atomic flag) and results that arrive late
/// are dropped (generation counter). It is the one writer of the model's text matches, so
/// it also applies the rule filter's restriction. When the new query only extends the last applied one
/// ("nyg" → "nyga"), the worker re-checks just the rows that matched before.
class SearchController : public QObject
{
    Q_OBJECT

public:
    explicit SearchController(StudyTableModel *model, QObject *parent = nullptr);
    ~SearchController() override;

    /// The index of the model's current studies (rows in the same order).
    void setIndex(std::shared_ptr<const StudySearchIndex> index);
    const std::shared_ptr<const StudySearchIndex> &index() const { return m_index; }
    /// Called for every keystroke; the search starts once typing pauses.
    void setQuery(const QString &text);
    QString appliedQuery() const { return m_appliedQuery; }
    /// Limits the rows further to `mask` (by position in the model's studies, e.g. the
    /// studies a rule matched), combined with the search by AND; nullopt removes the limit.
    void setRestriction(std::optional<QBitArray> mask);
    bool hasRestriction() const { return m_restriction.has_value(); }
    /// Applies the last search result and the restriction again, at once: after the model
    /// was given the same studies anew (their rows in the same order).
    void reapply();
    /// True when the table shows the result of the text last typed.
    bool isSettled() const { return m_pendingQuery.simplified() == m_appliedQuery; }

    static constexpr int kDebounceMs = 80;

Q_SIGNALS:
    /// The table now shows the matches of `query` (empty: no text filter).
    void applied(const QString &query);
    /// The rows the model now shows by text (search AND restriction; nullopt: all), so
    /// other views of the same studies (the evidence matrix) can follow.
    void matchesApplied(const std::optional<QBitArray> &rows);

private:
    void start();
    void cancelRunning();
    void apply(const std::optional<QBitArray> &searchMatches);

    StudyTableModel *m_model;
    std::shared_ptr<const StudySearchIndex> m_index;
    QTimer m_debounce;
    QString m_pendingQuery;
    QString m_appliedQuery;
    QBitArray m_appliedMatches; ///< Matches of m_appliedQuery (valid when it is not empty).
    std::optional<QBitArray> m_restriction;
    std::shared_ptr<std::atomic_bool> m_cancelRunning;
    quint64 m_generation = 0;
};

} // namespace mgreview::gui
