#pragma once

#include <QWidget>

class QLabel;

namespace mgreview::gui {

/// The key under the evidence matrix: one chip per direction of conclusion (as the cells
/// draw them), the evidence-gap hatching, and one line on how to read a cell.
class MatrixLegend : public QWidget
{
    Q_OBJECT

public:
    explicit MatrixLegend(QWidget *parent = nullptr);

    /// The legend as plain text (tests and accessibility).
    QString text() const;

private:
    class Swatches;
    Swatches *m_swatches;
    QLabel *m_notes;
};

} // namespace mgreview::gui
