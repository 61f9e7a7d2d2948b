#pragma once

#include <QWidget>

class QButtonGroup;
class QComboBox;

namespace mgreview::gui {

/// The value of a funding-independence judgement or resolution: independent / industry-linked
/// / unclear, and the link type, which is enabled only for industry-linked (product.md §2).
/// It holds the core words (ReviewWords); the labels come from the vocabularies.
class ReviewValueFields : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewValueFields(QWidget *parent = nullptr);

    /// independent, industry-linked, unclear; empty until one is chosen.
    QString value() const;
    /// The link word for industry-linked (empty otherwise or until chosen).
    QString link() const;
    void setValue(const QString &value, const QString &link);

    // For tests.
    QComboBox *linkBox() const { return m_link; }

Q_SIGNALS:
    void changed();

private:
    void updateLink();

    QButtonGroup *m_values;
    QComboBox *m_link;
};

} // namespace mgreview::gui
