#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QStringList>

namespace mgreview {

Q_DECLARE_LOGGING_CATEGORY(lcPdf)

/// Sends Poppler's own messages to the mgreview.pdf logging category. The one place in the
/// program that calls Poppler::setDebugErrorFunction (Poppler keeps a single global
/// handler): the first call installs it, later calls from any thread do nothing.
/// PdfDocument::open() and the viewer's opener make sure it happened.
void routePopplerMessages();

/// Collects the Poppler messages emitted on the calling thread while it lives, so a
/// failed open can say what Poppler saw (Poppler reports on the thread doing the work),
/// and names `file` in the log lines of those messages. Nests: the previous collector of
/// the thread is restored when this one ends.
class PopplerMessageCollector
{
public:
    explicit PopplerMessageCollector(const QString &file = {});
    ~PopplerMessageCollector();
    PopplerMessageCollector(const PopplerMessageCollector &) = delete;
    PopplerMessageCollector &operator=(const PopplerMessageCollector &) = delete;

    const QStringList &messages() const { return m_messages; }
    /// Messages seen beyond the ones kept (hostile files emit thousands).
    int dropped() const { return m_dropped; }
    QString file() const { return m_file; }
    void add(const QString &message);

private:
    PopplerMessageCollector *m_previous;
    QString m_file;
    QStringList m_messages;
    int m_dropped = 0;
};

} // namespace mgreview
