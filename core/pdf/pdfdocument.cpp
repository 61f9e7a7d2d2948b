#include "pdf/pdfdocument.h"

#include "pdf/pdflog.h"
#include "pdf/pdfrenderplan.h"

#include <poppler-qt6.h>

#include <QFile>
#include <QFileInfo>
#include <QRectF>

#include <algorithm>

namespace mgreview {

namespace {

constexpr double kMaxPageImageDpi = 600.0;

/// The forms of a password worth trying: PDF 1.x (RC4, AES-128) hashes PDFDocEncoding
/// bytes (≈ Latin-1), AES-256 uses UTF-8 after SASLprep; users type what they see.
QList<QByteArray> passwordCandidates(const QString &password)
{
    QList<QByteArray> out;
    auto add = [&out](const QByteArray &bytes) {
        if (!out.contains(bytes))
            out.append(bytes);
    };
    add(password.toLatin1());
    add(password.toUtf8());
    // SASLprep (RFC 4013) in short: drop the characters mapped to nothing (soft hyphen,
    // zero-width joiners, variation selectors), non-ASCII spaces become spaces, then NFKC.
    QString prepped;
    for (const QChar c : password) {
        const char16_t u = c.unicode();
        if (u == 0x00AD || u == 0x034F || u == 0x1806 || (u >= 0x180B && u <= 0x180D) || (u >= 0x200B && u <= 0x200D)
            || u == 0x2060 || (u >= 0xFE00 && u <= 0xFE0F) || u == 0xFEFF)
            continue;
        prepped.append(c.category() == QChar::Separator_Space ? QChar(u' ') : c);
    }
    add(prepped.normalized(QString::NormalizationForm_KC).toUtf8());
    return out;
}

QString firstMessages(const PopplerMessageCollector &collector)
{
    if (collector.messages().isEmpty())
        return {};
    QStringList shown = collector.messages().mid(0, 2);
    return QStringLiteral(" (Poppler: %1)").arg(shown.join(QStringLiteral("; ")));
}

bool mentionsRepair(const QStringList &messages)
{
    return std::any_of(messages.cbegin(), messages.cend(), [](const QString &m) {
        return m.contains(QStringLiteral("reconstruct"), Qt::CaseInsensitive);
    });
}

} // namespace

QString toString(PdfOpenStatus status)
{
    switch (status) {
    case PdfOpenStatus::Ok: return QStringLiteral("ok");
    case PdfOpenStatus::NeedsPassword: return QStringLiteral("needs-password");
    case PdfOpenStatus::WrongPassword: return QStringLiteral("wrong-password");
    case PdfOpenStatus::NotFound: return QStringLiteral("not-found");
    case PdfOpenStatus::Empty: return QStringLiteral("empty");
    case PdfOpenStatus::NotPdf: return QStringLiteral("not-pdf");
    case PdfOpenStatus::Corrupt: return QStringLiteral("corrupt");
    }
    return QStringLiteral("corrupt");
}

PdfOpenStatus pdfOpenStatusFromString(const QString &text)
{
    for (PdfOpenStatus status : {PdfOpenStatus::Ok, PdfOpenStatus::NeedsPassword, PdfOpenStatus::WrongPassword,
                                 PdfOpenStatus::NotFound, PdfOpenStatus::Empty, PdfOpenStatus::NotPdf}) {
        if (toString(status) == text)
            return status;
    }
    return PdfOpenStatus::Corrupt;
}

PdfDocument::PdfDocument(QString path, std::unique_ptr<Poppler::Document> document)
    : m_path(std::move(path)),
      m_document(std::move(document))
{
}

PdfDocument::~PdfDocument() = default;

std::unique_ptr<PdfDocument> PdfDocument::open(const QString &path, const QString &password, PdfOpenResult *result)
{
    routePopplerMessages();
    *result = PdfOpenResult();
    auto fail = [&](PdfOpenStatus status, const QString &problem) -> std::unique_ptr<PdfDocument> {
        result->status = status;
        result->message = path + QStringLiteral(": ") + problem;
        qCInfo(lcPdf).noquote() << result->message; // callers report it to the user
        return nullptr;
    };

    const QFileInfo info(path);
    if (!info.exists())
        return fail(PdfOpenStatus::NotFound, QStringLiteral("no such file"));
    if (!info.isFile())
        return fail(PdfOpenStatus::NotFound, QStringLiteral("not a file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(PdfOpenStatus::NotFound, QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    if (file.size() == 0)
        return fail(PdfOpenStatus::Empty, QStringLiteral("the file is empty (0 bytes), not a PDF"));
    const QByteArray head = file.read(1024);
    file.close();
    // Poppler accepts a header that does not start at byte 0; so do we.
    const bool hasHeader = head.contains("%PDF-");

    PopplerMessageCollector collector(path);
    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    result->popplerMessages = collector.messages();
    if (!document) {
        if (!hasHeader)
            return fail(PdfOpenStatus::NotPdf, QStringLiteral("not a PDF (no %PDF- header in its first kilobyte)"));
        return fail(PdfOpenStatus::Corrupt,
                    QStringLiteral("damaged or truncated PDF: its structure cannot be read") + firstMessages(collector));
    }
    const bool locked = document->isLocked();
    QByteArray unlockedWith;
    if (locked) {
        if (password.isEmpty())
            return fail(PdfOpenStatus::NeedsPassword, QStringLiteral("encrypted; it needs a password to open"));
        bool unlocked = false;
        for (const QByteArray &candidate : passwordCandidates(password)) {
            // unlock() returns true when the document is STILL locked.
            if (!document->unlock(candidate, candidate) && !document->isLocked()) {
                unlocked = true;
                unlockedWith = candidate;
                break;
            }
        }
        if (!unlocked)
            return fail(PdfOpenStatus::WrongPassword, QStringLiteral("encrypted; the password given does not open it"));
    }
    if (document->numPages() <= 0) {
        return fail(PdfOpenStatus::Corrupt,
                    QStringLiteral("damaged PDF: no page can be read (broken page tree)") + firstMessages(collector));
    }
    // Poppler reports a locked document as unencrypted until it is unlocked.
    result->encrypted = locked || document->isEncrypted();
    result->popplerMessages = collector.messages();
    result->repaired = mentionsRepair(collector.messages());
    if (result->repaired)
        qCWarning(lcPdf).noquote() << path << ": damaged cross-reference table; Poppler reconstructed it";
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    document->setRenderHint(Poppler::Document::Antialiasing);
    std::unique_ptr<PdfDocument> opened(new PdfDocument(path, std::move(document)));
    opened->m_unlockedWith = unlockedWith;
    return opened;
}

int PdfDocument::pageCount() const
{
    return m_document->numPages();
}

bool PdfDocument::isEncrypted() const
{
    return m_document->isEncrypted();
}

PdfPageText PdfDocument::pageText(int index) const
{
    const PopplerMessageCollector scope(m_path); // names the file in Poppler's log lines
    const std::unique_ptr<Poppler::Page> page = m_document->page(index);
    if (!page)
        return {QString(), QStringLiteral("page %1 could not be read").arg(index + 1)};
    PdfPageText out;
    out.text = page->text(QRectF());
    if (out.text.trimmed().isEmpty())
        out.note = QStringLiteral("page %1 has no text layer (a scanned image or a blank page)").arg(index + 1);
    return out;
}

QVector<PdfPageText> PdfDocument::allText(const std::atomic_bool *cancel,
                                          const std::function<void(int, int)> &progress) const
{
    const int pages = pageCount();
    QVector<PdfPageText> out;
    out.reserve(pages);
    for (int i = 0; i < pages; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        out.append(pageText(i));
        if (progress)
            progress(i + 1, pages);
    }
    return out;
}

QImage PdfDocument::renderPage(int index, double dpi, QString *note) const
{
    const PopplerMessageCollector scope(m_path);
    const std::unique_ptr<Poppler::Page> page = m_document->page(index);
    if (!page) {
        if (note)
            *note = QStringLiteral("page %1 could not be read").arg(index + 1);
        return {};
    }
    // A hostile page can claim to be kilometres wide: cap the pixels, not only the dpi.
    const PdfRenderPlan plan = planPageRender(page->pageSizeF(), std::min(dpi, kMaxPageImageDpi), index + 1);
    const QRect &s = plan.slice;
    QImage image = s.isNull() ? page->renderToImage(plan.dpi, plan.dpi)
                              : page->renderToImage(plan.dpi, plan.dpi, s.x(), s.y(), s.width(), s.height());
    if (note) {
        if (image.isNull())
            *note = QStringLiteral("page %1 could not be rendered").arg(index + 1);
        else
            *note = plan.note;
    }
    return image;
}

QString PdfDocument::info(const QString &key) const
{
    return m_document->info(key);
}

QStringList PdfDocument::infoKeys() const
{
    return m_document->infoKeys();
}

QString PdfDocument::xmpMetadata() const
{
    return m_document->metadata();
}

} // namespace mgreview
