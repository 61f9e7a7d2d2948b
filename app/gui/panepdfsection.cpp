#include "panepdfsection.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QScrollBar>
#include <QUrlQuery>

namespace mgreview::gui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString shortened(const QString &text, int max)
{
    const QString simple = text.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + QChar(0x2026);
}

QString textStatusWords(const Attachment &a)
{
    if (a.textStatus == u"indexed")
        return PanePdfSection::tr("text indexed");
    if (a.textStatus == u"pending")
        return PanePdfSection::tr("text not indexed yet");
    if (a.textStatus == u"needs-password")
        return PanePdfSection::tr("encrypted: text needs the password");
    if (a.textStatus == u"failed")
        return PanePdfSection::tr("text could not be read");
    return a.textStatus.isEmpty() ? PanePdfSection::tr("text status unknown") : a.textStatus;
}

const QuoteCheck *findCheck(const StudyPdfState &state, int conclusion, const QString &sha)
{
    for (const QuoteCheck &c : state.checks)
        if (c.conclusionIndex == conclusion && c.sha256 == sha)
            return &c;
    return nullptr;
}

int attachmentIndex(const StudyPdfState &state, const QString &sha)
{
    for (int i = 0; i < state.attachments.size(); ++i)
        if (state.attachments[i].sha256 == sha)
            return i;
    return -1;
}

/// What the viewer highlights: the whole quote. The viewer finds it in the page's text layer
/// across line breaks and hyphenation (PdfViewer::highlight).
QString highlightWords(const QString &text)
{
    return text.simplified();
}

} // namespace

PdfTarget conclusionTarget(const StudyPdfState &state)
{
    PdfTarget target;
    if (state.attachments.isEmpty())
        return target;
    for (const QuoteStatus wanted : { QuoteStatus::Verified, QuoteStatus::Partial }) {
        for (const QuoteCheck &c : state.checks) {
            const int a = attachmentIndex(state, c.sha256);
            if (a < 0 || c.match.status != wanted || c.match.page < 1)
                continue;
            target.path = state.attachments[a].filePath;
            target.page = c.match.page;
            target.highlight = highlightWords(wanted == QuoteStatus::Verified ? c.quote : c.match.passage);
            return target;
        }
    }
    target.path = state.attachments.first().filePath;
    return target;
}

PanePdfSection::PanePdfSection(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("panePdfSection"));
    setAccessibleName(tr("PDFs of the study"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    QPalette p = palette();
    p.setColor(QPalette::Base, QColor(0xf6, 0xf8, 0xfa));
    p.setColor(QPalette::Text, QColor(0x1b, 0x1f, 0x24));
    setPalette(p);
    document()->setDocumentMargin(10);
    setMinimumHeight(60);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(this, &QTextBrowser::anchorClicked, this, &PanePdfSection::followLink);
    clear();
}

void PanePdfSection::setState(const StudyPdfState &state)
{
    m_state = state;
    m_hasStudy = !state.studyId.isEmpty();
    render();
}

void PanePdfSection::setNotice(const QString &text, bool error)
{
    m_notice = text;
    m_noticeIsError = error;
    render();
}

void PanePdfSection::clear()
{
    m_state = {};
    m_hasStudy = false;
    m_notice.clear();
    render();
}

QStringList PanePdfSection::pdfPaths(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            paths.append(url.toLocalFile());
    }
    return paths;
}

void PanePdfSection::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_hasStudy && !pdfPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void PanePdfSection::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_hasStudy && !pdfPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void PanePdfSection::dropEvent(QDropEvent *event)
{
    const QStringList paths = pdfPaths(event->mimeData());
    if (!m_hasStudy || paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

void PanePdfSection::followLink(const QUrl &url)
{
    if (url.scheme() != u"pdf")
        return;
    const QUrlQuery query(url);
    const int a = query.hasQueryItem(QStringLiteral("a")) ? query.queryItemValue(QStringLiteral("a")).toInt() : -1;
    const QString what = url.path();
    if (what == u"check") {
        Q_EMIT checkRequested();
        return;
    }
    if (what == u"conclusion") {
        const PdfTarget target = conclusionTarget(m_state);
        if (!target.path.isEmpty())
            Q_EMIT openRequested(target.path, target.page, target.highlight);
        return;
    }
    if (a < 0 || a >= m_state.attachments.size())
        return;
    const Attachment &attachment = m_state.attachments[a];
    if (what == u"open") {
        Q_EMIT openRequested(attachment.filePath, 1, QString());
    } else if (what == u"detach") {
        Q_EMIT detachRequested(attachment);
    } else if (what == u"goto") {
        const int c = query.queryItemValue(QStringLiteral("c")).toInt();
        if (const QuoteCheck *check = findCheck(m_state, c, attachment.sha256); check && check->match.page > 0) {
            const QString text = check->match.status == QuoteStatus::Verified ? check->quote : check->match.passage;
            Q_EMIT openRequested(attachment.filePath, check->match.page, highlightWords(text));
        }
    }
}

void PanePdfSection::render()
{
    const int scroll = verticalScrollBar()->value();
    QString html = QStringLiteral(
        "<style>h3{margin:0 0 4px 0;font-size:large} p{margin:2px 0} .muted{color:#57606a}"
        " .err{color:#a40e26;font-weight:bold} .ok{color:#116329;font-weight:bold}"
        " .part{color:#7d4e00;font-weight:bold} .no{color:#a40e26;font-weight:bold}</style>");
    html += u"<h3>" + tr("PDFs") + u"</h3>";
    if (!m_notice.isEmpty())
        html += QStringLiteral("<p class=\"%1\">%2</p>").arg(m_noticeIsError ? u"err" : u"muted", esc(m_notice));
    if (!m_hasStudy) {
        html += u"<p class=\"muted\">" + esc(tr("Select a study to see its PDFs.")) + u"</p>";
        setHtml(html);
        return;
    }
    if (!m_state.error.isEmpty())
        html += u"<p class=\"err\">" + esc(tr("The PDFs could not be read: %1").arg(m_state.error)) + u"</p>";
    if (m_state.attachments.isEmpty()) {
        html += u"<p class=\"muted\">"
            + esc(tr("No PDF attached. Use Study ▸ Attach PDF…, or drop a PDF file on the study or here."))
            + u"</p>";
        setHtml(html);
        verticalScrollBar()->setValue(scroll);
        return;
    }
    const QLocale locale;
    if (const PdfTarget target = conclusionTarget(m_state); !target.highlight.isEmpty())
        html += QStringLiteral("<p><a href=\"pdf:conclusion\">%1</a></p>")
                    .arg(esc(tr("Open the PDF at its conclusion (page %1)").arg(target.page)));
    for (int a = 0; a < m_state.attachments.size(); ++a) {
        const Attachment &att = m_state.attachments[a];
        QString pages = att.pageCount > 0 ? (att.pageCount == 1 ? tr("1 page") : tr("%1 pages").arg(att.pageCount))
                                          : tr("pages not counted yet");
        QString line = QStringLiteral("<p><b>%1</b> — %2 · %3 · %4%5 &nbsp; <a href=\"pdf:open?a=%6\">%7</a>"
                                      " &nbsp; <a href=\"pdf:detach?a=%6\">%8</a></p>")
                           .arg(esc(att.label), esc(att.originalName), esc(pages), esc(textStatusWords(att)),
                               att.storage == AttachmentStorage::Linked ? esc(tr(" · linked in place")) : QString())
                           .arg(a)
                           .arg(esc(tr("Open")), esc(tr("Detach")));
        html += line;
        if (att.textStatus == u"failed" && !att.textMessage.isEmpty())
            html += u"<p class=\"err\">" + esc(att.textMessage) + u"</p>";
    }
    if (m_state.conclusions.isEmpty()) {
        html += u"<p class=\"muted\">" + esc(tr("The study has no verbatim conclusion to check.")) + u"</p>";
    } else {
        bool unchecked = false;
        html += u"<p><b>" + esc(tr("Verbatim conclusions in the PDFs")) + u"</b></p>";
        for (int c = 0; c < m_state.conclusions.size(); ++c) {
            html += QStringLiteral("<p>%1 <i>“%2”</i></p>")
                        .arg(esc(tr("Conclusion %1:").arg(c + 1)), esc(shortened(m_state.conclusions[c], 90)));
            for (int a = 0; a < m_state.attachments.size(); ++a) {
                const Attachment &att = m_state.attachments[a];
                const QuoteCheck *check = findCheck(m_state, c, att.sha256);
                const QString where = esc(att.label + u" (" + att.originalName + u')');
                QString row;
                if (!check) {
                    unchecked = true;
                    row = QStringLiteral("<span class=\"muted\">%1</span> — %2").arg(esc(tr("not checked")), where);
                } else if (!check->problem.isEmpty()) {
                    row = QStringLiteral("<span class=\"no\">%1</span> — %2: %3")
                              .arg(esc(tr("could not check")), where, esc(check->problem));
                } else if (check->match.status == QuoteStatus::Verified) {
                    row = QStringLiteral("<span class=\"ok\">✓ %1</span> in %2, %3 &nbsp; "
                                         "<a href=\"pdf:goto?c=%4&amp;a=%5\">%6</a>")
                              .arg(esc(tr("verified")), where, esc(tr("page %1").arg(check->match.page)))
                              .arg(c)
                              .arg(a)
                              .arg(esc(tr("go to page")));
                } else if (check->match.status == QuoteStatus::Partial) {
                    row = QStringLiteral("<span class=\"part\">≈ %1</span> in %2, %3 &nbsp; "
                                         "<a href=\"pdf:goto?c=%4&amp;a=%5\">%6</a><br/>"
                                         "<span class=\"muted\">%7 “%8”</span>")
                              .arg(esc(tr("partial, similarity %1").arg(locale.toString(check->match.similarity, 'f', 2))),
                                  where, esc(tr("page %1").arg(check->match.page)))
                              .arg(c)
                              .arg(a)
                              .arg(esc(tr("go to page")), esc(tr("closest passage:")),
                                  esc(shortened(check->match.passage, 160)));
                } else {
                    row = QStringLiteral("<span class=\"no\">✗ %1</span> in %2").arg(esc(tr("not found")), where);
                }
                html += u"<p style=\"margin-left:14px\">" + row + u"</p>";
            }
        }
        html += QStringLiteral("<p><a href=\"pdf:check\">%1</a>%2</p>")
                    .arg(esc(tr("Check quotes")),
                        unchecked ? esc(tr(" — some quotes are not checked yet")) : QString());
    }
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace mgreview::gui
