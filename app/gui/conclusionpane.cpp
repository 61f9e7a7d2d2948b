#include "conclusionpane.h"

#include "models/studydetailmodel.h"
#include "panehtml.h"

#include <QDesktopServices>
#include <QScrollBar>

namespace mgreview::gui {

ConclusionPane::ConclusionPane(StudyDetailModel *model, QWidget *parent) : QTextBrowser(parent), m_model(model)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Conclusion pane"));
    // A printed-page look in every desktop theme: the HTML uses fixed, readable colours.
    QPalette p = palette();
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Text, QColor(0x1b, 0x1f, 0x24));
    setPalette(p);
    document()->setDocumentMargin(14);
    connect(this, &QTextBrowser::anchorClicked, this, &ConclusionPane::openLink);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConclusionPane::render);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConclusionPane::render);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConclusionPane::render);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConclusionPane::render);
    render();
}

void ConclusionPane::showMessage(const QString &message)
{
    setHtml(emptyPaneHtml(message));
}

bool ConclusionPane::scrollToSection(const QString &sectionId)
{
    if (m_model->sectionRow(sectionId) < 0)
        return false;
    scrollToAnchor(sectionAnchor(sectionId));
    return true;
}

void ConclusionPane::rerender()
{
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

void ConclusionPane::render()
{
    setHtml(studyDetailHtml(*m_model));
    Q_EMIT rendered();
}

void ConclusionPane::openLink(const QUrl &url)
{
    // Only web addresses: the HTML holds nothing else, but a crafted source entry must not
    // make the pane launch a local file or program.
    if (url.scheme() == u"https" || url.scheme() == u"http")
        QDesktopServices::openUrl(url);
}

} // namespace mgreview::gui
