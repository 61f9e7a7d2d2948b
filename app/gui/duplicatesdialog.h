#pragma once

#include "duplicatejob.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace mgreview::gui {

class DuplicateCompareModel;
class DuplicatePairsModel;

/// Study ▸ Review duplicates…: the open probable-duplicate pairs (top) and the selected
/// pair side by side, field by field, differences marked (below). Per pair: Merge (the
/// other record goes into the one chosen to keep; nothing is lost, and it can be undone)
/// or Keep both (they are different studies; the pair is not listed again). Modeless: the
/// table and the pane stay usable behind it.
class DuplicatesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DuplicatesDialog(QWidget *parent = nullptr);

    /// The open pairs; the selection stays on the same pair when it is still open.
    void setPairs(const QVector<DuplicatePair> &pairs);
    /// A change runs: the buttons wait for it.
    void setBusy(bool busy);
    void setUndoAvailable(bool available);
    void showMessage(const QString &message, bool error = false);

    int currentRow() const;
    void selectRow(int row);
    /// The id of the record to keep when merging the selected pair (the earlier one unless
    /// the reviewer chose the imported one).
    QString keepId() const;
    void setKeepId(const QString &id);

    // For tests and the screenshot.
    DuplicatePairsModel *pairsModel() const { return m_pairs; }
    DuplicateCompareModel *compareModel() const { return m_compare; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *keepBothButton() const { return m_keepBoth; }
    QPushButton *undoButton() const { return m_undo; }

Q_SIGNALS:
    void mergeRequested(const QString &keepId, const QString &otherId);
    void keepBothRequested(const QString &studyId, const QString &otherId);
    void undoRequested();

private:
    void showCurrent();
    void updateButtons();
    const DuplicatePair *current() const;

    DuplicatePairsModel *m_pairs;
    DuplicateCompareModel *m_compare;
    QTableView *m_pairView;
    QTableView *m_compareView;
    QLabel *m_count;
    QLabel *m_message;
    QComboBox *m_keep;
    QPushButton *m_merge;
    QPushButton *m_keepBoth;
    QPushButton *m_undo;
    bool m_busy = false;
    bool m_undoAvailable = false;
};

} // namespace mgreview::gui
