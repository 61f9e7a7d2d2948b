#include "pdf/pdflog.h"

#include <poppler-qt6.h>

#include <QVariant>

#include <mutex>

namespace mgreview {

// Warnings by default: Poppler chatter (info) shows with QT_LOGGING_RULES="mgreview.pdf.info=true".
Q_LOGGING_CATEGORY(lcPdf, "mgreview.pdf", QtWarningMsg)

namespace {

thread_local PopplerMessageCollector *t_collector = nullptr;

// Fuzzed files make Poppler print thousands of lines; the log gets the first ones of
// each burst per thread, the collector keeps a few for the error message.
thread_local int t_loggedInARow = 0;
constexpr int kMaxLoggedPerDocument = 50;
constexpr int kMaxCollected = 20;

void popplerMessage(const QString &message, const QVariant &)
{
    // Poppler calls back synchronously on the thread doing the work, so the thread's
    // collector knows the file; messages outside any (rare) are logged without one.
    if (t_collector)
        t_collector->add(message);
    if (t_loggedInARow < kMaxLoggedPerDocument) {
        ++t_loggedInARow;
        if (t_collector && !t_collector->file().isEmpty())
            qCInfo(lcPdf).noquote() << "poppler:" << t_collector->file() + QStringLiteral(":") << message.trimmed();
        else
            qCInfo(lcPdf).noquote() << "poppler:" << message.trimmed();
    }
}

} // namespace

void routePopplerMessages()
{
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction(popplerMessage, QVariant()); });
}

PopplerMessageCollector::PopplerMessageCollector(const QString &file)
    : m_previous(t_collector),
      m_file(file.isEmpty() && t_collector ? t_collector->file() : file)
{
    t_collector = this;
    t_loggedInARow = 0;
}

PopplerMessageCollector::~PopplerMessageCollector()
{
    t_collector = m_previous;
}

void PopplerMessageCollector::add(const QString &message)
{
    if (m_messages.size() < kMaxCollected)
        m_messages.append(message.trimmed());
    else
        ++m_dropped;
}

} // namespace mgreview
