#pragma once

#include <QLineEdit>

namespace mgreview::gui {

/// The search box: Escape clears it, Down or Enter moves on to the results.
class SearchField : public QLineEdit
{
    Q_OBJECT

public:
    explicit SearchField(QWidget *parent = nullptr);

Q_SIGNALS:
    /// The user wants to go from the query to the results.
    void leaveToResults();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace mgreview::gui
