#include "pdfopener.h"

#include "pdf/pdflog.h"

#include <poppler-qt6.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>


namespace mgreview::gui {

// Poppler chatters (every wrong password, every repaired object): its messages are info,
// shown with QT_LOGGING_RULES="mgreview.pdfviewer.info=true"; our own findings are warnings.
Q_LOGGING_CATEGORY(lcPdfViewer, "mgreview.pdfviewer", QtWarningMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PdfOpener", text);
}

QList<QByteArray> passwordEncodings(const QString &password)
{
    // PDF passwords up to revision 4 are bytes (usually Latin-1, some writers used UTF-8);
    // revision 6 (AES-256) wants UTF-8. Try both rather than guess.
    QList<QByteArray> encodings;
    const bool latin1 = std::all_of(password.cbegin(), password.cend(), [](QChar c) { return c.unicode() < 256; });
    if (latin1)
        encodings.append(password.toLatin1());
    const QByteArray utf8 = password.toUtf8();
    if (!encodings.contains(utf8))
        encodings.append(utf8);
    return encodings;
}

bool unlockWith(Poppler::Document &document, const QString &password)
{
    for (const QByteArray &bytes : passwordEncodings(password)) {
        document.unlock(bytes, bytes); // Returns true when still locked: trust isLocked() only.
        if (!document.isLocked())
            return true;
    }
    return false;
}

QString headerProblem(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(1024);
    if (head.contains("%PDF-"))
        return {};
    QString shown;
    for (char c : head.left(16))
        shown += (c >= 32 && c < 127) ? QChar::fromLatin1(c) : QChar(u'·');
    return tr("it is not a PDF file (it starts with “%1”)").arg(shown);
}

bool hasEndMarker(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const qint64 tail = std::min<qint64>(file.size(), 2048);
    file.seek(file.size() - tail);
    return file.read(tail).contains("%%EOF");
}

PdfOpenResult failure(const QString &path, PdfOpenProblem problem, const QString &what)
{
    PdfOpenResult result;
    result.problem = problem;
    result.message = tr("%1: %2").arg(QFileInfo(path).fileName(), what);
    result.info.path = path;
    return result;
}

} // namespace

PdfOpenResult openPdfDocument(const QString &path, const QString &password)
{
    routePopplerMessages(); // core's one handler: Poppler's messages go to mgreview.pdf
    const QFileInfo info(path);
    if (!info.exists())
        return failure(path, PdfOpenProblem::Missing, tr("no such file (%1)").arg(info.absoluteFilePath()));
    if (!info.isFile() || !info.isReadable())
        return failure(path, PdfOpenProblem::Unreadable, tr("the file cannot be read (check its permissions)"));
    if (info.size() == 0)
        return failure(path, PdfOpenProblem::Empty, tr("the file is empty (0 bytes): it holds no PDF"));

    PopplerMessageCollector collector(path);
    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document) {
        if (const QString problem = headerProblem(path); !problem.isEmpty())
            return failure(path, PdfOpenProblem::NotPdf, problem);
        QString what = tr("the PDF is damaged or truncated and cannot be read");
        if (!collector.messages().isEmpty()) {
            // "Syntax Error (287): Missing 'endstream'" → "Missing 'endstream'".
            static const QRegularExpression prefix(QStringLiteral("^\\w*\\s*Error(\\s*\\(\\d+\\))?:\\s*"));
            what += tr(" (Poppler says: %1)").arg(QString(collector.messages().constFirst()).remove(prefix));
        }
        return failure(path, PdfOpenProblem::Damaged, what);
    }
    if (document->isLocked()) {
        if (password.isEmpty())
            return failure(path, PdfOpenProblem::PasswordNeeded, tr("the PDF is encrypted: enter its password"));
        if (!unlockWith(*document, password))
            return failure(path, PdfOpenProblem::WrongPassword, tr("that password does not open the PDF"));
    }
    const int pages = document->numPages();
    if (pages <= 0)
        return failure(path, PdfOpenProblem::NoPages, tr("the PDF has no readable pages (it may be damaged)"));

    PdfOpenResult result;
    result.info.path = path;
    result.info.title = document->title();
    result.info.pageSizes.reserve(pages);
    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        QSizeF size = page ? page->pageSizeF() : QSizeF();
        if (!page)
            result.info.brokenPages.append(i);
        if (!(size.width() > 1 && size.height() > 1 && size.width() < 20000 && size.height() < 20000))
            size = QSizeF(595, 842); // A4: a broken or absurd page still gets a sensible place.
        result.info.pageSizes.append(size);
    }
    const bool rebuilt = std::any_of(collector.messages().cbegin(), collector.messages().cend(),
        [](const QString &m) { return m.contains(u"reconstruct", Qt::CaseInsensitive); });
    if (rebuilt || !hasEndMarker(path))
        result.info.warning = tr("%1 is damaged (%2): pages may be missing or incomplete.")
                                  .arg(info.fileName(),
                                      rebuilt ? tr("its cross-reference table had to be rebuilt")
                                              : tr("its end marker is missing, it may be truncated"));
    if (!result.info.brokenPages.isEmpty())
        qCWarning(lcPdfViewer).noquote() << path << ":" << result.info.brokenPages.size() << "page(s) cannot be parsed";
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    result.document = std::move(document);
    return result;
}

} // namespace mgreview::gui
