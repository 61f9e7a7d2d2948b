#pragma once

#include <QLoggingCategory>
#include <QStringList>

namespace mgreview {

Q_DECLARE_LOGGING_CATEGORY(lcPdf)

/// Sends Poppler's own messages to the mgreview.pdf logging category (once per process;
/// further calls do nothing). Every PdfDocument::open() makes sure it happened.
void routePopplerMessages();

/// Collects the Poppler messages emitted on the calling thread while it lives, so a
/// failed open can say what Poppler saw (Poppler reports on the thread doing the work).
class PopplerMessageCollector
{
public:
    PopplerMessageCollector();
    ~PopplerMessageCollector();
    PopplerMessageCollector(const PopplerMessageCollector &) = delete;
    PopplerMessageCollector &operator=(const PopplerMessageCollector &) = delete;

    const QStringList &messages() const { return m_messages; }
    /// Messages seen beyond the ones kept (hostile files emit thousands).
    int dropped() const { return m_dropped; }
    void add(const QString &message);

private:
    PopplerMessageCollector *m_previous;
    QStringList m_messages;
    int m_dropped = 0;
};

} // namespace mgreview
