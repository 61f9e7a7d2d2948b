#pragma once

#include "pdf/pdflinker.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QVector>

class QLabel;
class QRadioButton;
class QTableView;

namespace mgreview::gui {

/// The results of scanning a folder for "Link PDFs from folder…": one row per PDF with what
/// was found (matched, ambiguous, unmatched, unreadable), the study and how or why.
class LinkResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FileColumn, ResultColumn, StudyColumn, DetailColumn, ColumnCount };
    explicit LinkResultsModel(QObject *parent = nullptr);
    void setResults(const QVector<mgreview::PdfLinkResult> &results);
    const QVector<mgreview::PdfLinkResult> &results() const { return m_results; }
    int matchedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<mgreview::PdfLinkResult> m_results;
};

/// Shows a folder scan and asks before linking: only matched PDFs are attached; ambiguous
/// ones are listed with their candidate studies and never linked.
class LinkPdfsDialog : public QDialog
{
    Q_OBJECT

public:
    LinkPdfsDialog(const QString &folder, const QVector<mgreview::PdfLinkResult> &results, QWidget *parent = nullptr);
    LinkResultsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Copy into the library (Stored) or link in place.
    mgreview::AttachmentStorage storage() const;

private:
    LinkResultsModel *m_model;
    QTableView *m_table;
    QRadioButton *m_link;
};

} // namespace mgreview::gui
