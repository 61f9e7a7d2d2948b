#include "searchcontroller.h"

#include "models/studytablemodel.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview::gui {

SearchController::SearchController(StudyTableModel *model, QObject *parent) : QObject(parent), m_model(model)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchController::start);
}

SearchController::~SearchController()
{
    cancelRunning();
}

void SearchController::setIndex(std::shared_ptr<const StudySearchIndex> index)
{
    cancelRunning();
    ++m_generation;
    m_index = std::move(index);
    m_appliedQuery.clear();
    m_appliedMatches = {};
    // Text typed while the library was still opening applies now.
    if (!m_pendingQuery.trimmed().isEmpty())
        start();
}

void SearchController::setQuery(const QString &text)
{
    m_pendingQuery = text;
    m_debounce.start();
}

void SearchController::setRestriction(std::optional<QBitArray> mask)
{
    m_restriction = std::move(mask);
    reapply();
}

void SearchController::reapply()
{
    apply(m_appliedQuery.isEmpty() ? std::nullopt : std::optional<QBitArray>(m_appliedMatches));
}

void SearchController::apply(const std::optional<QBitArray> &searchMatches)
{
    std::optional<QBitArray> rows = searchMatches;
    if (m_restriction && m_restriction->size() == m_model->allStudies().size())
        rows = rows && rows->size() == m_restriction->size() ? (*rows & *m_restriction) : *m_restriction;
    m_model->setTextMatches(rows);
    Q_EMIT matchesApplied(rows);
}

void SearchController::cancelRunning()
{
    if (m_cancelRunning)
        m_cancelRunning->store(true);
    m_cancelRunning.reset();
}

void SearchController::start()
{
    m_debounce.stop();
    const QString query = m_pendingQuery.simplified();
    cancelRunning();
    const quint64 generation = ++m_generation;
    if (query.isEmpty()) {
        m_appliedQuery.clear();
        m_appliedMatches = {};
        apply(std::nullopt);
        Q_EMIT applied(QString());
        return;
    }
    if (!m_index)
        return; // Runs from setIndex() once the library is open.

    // Every term of a query that extends the applied one is at least as narrow.
    std::optional<QBitArray> restrictTo;
    if (!m_appliedQuery.isEmpty() && query.startsWith(m_appliedQuery))
        restrictTo = m_appliedMatches;

    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancelRunning = cancel;
    std::shared_ptr<const StudySearchIndex> index = m_index;
    QtConcurrent::run([index, query, restrictTo, cancel]() -> std::optional<QBitArray> {
        try {
            QBitArray matches = index->match(query, restrictTo ? &*restrictTo : nullptr, cancel.get());
            if (cancel->load())
                return std::nullopt;
            return matches;
        } catch (...) {
            // A failed search leaves the table as it is rather than taking the app down.
            return std::nullopt;
        }
    }).then(this, [this, generation, query](const std::optional<QBitArray> &matches) {
        if (generation != m_generation || !matches)
            return; // Superseded or cancelled.
        m_cancelRunning.reset();
        m_appliedQuery = query;
        m_appliedMatches = *matches;
        apply(*matches);
        Q_EMIT applied(query);
    });
}

} // namespace mgreview::gui
