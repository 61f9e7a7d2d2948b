#pragma once

#include "review/profile.h"

#include <QDialog>
#include <QVector>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace mgreview::gui {

/// Asks for a profile: a name and a role (clinician, student, reviewer), each role with what
/// it may do. Used at first start ("Who is using this library?") and by Profile ▸ Add profile.
///
/// It does not store anything: submitted() hands the profile to the caller, which adds it on
/// the I/O thread and either closes the dialog or shows the error in it (showError()).
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose { FirstStart, Add };
    /// `existing`: the library's profiles. At first start, an existing name signs in as that
    /// profile (with its role); when adding, it is refused.
    ProfileDialog(Purpose purpose, const QVector<Profile> &existing, QWidget *parent = nullptr);

    Profile profile() const;
    void setProfile(const Profile &profile);
    /// Shows why the profile could not be added and lets the person try again.
    void showError(const QString &error);

    // For tests.
    QLineEdit *nameEdit() const { return m_name; }

Q_SIGNALS:
    void submitted(const mgreview::Profile &profile);

private:
    void validate();

    Purpose m_purpose;
    QVector<Profile> m_existing;
    QLineEdit *m_name;
    QButtonGroup *m_roles;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace mgreview::gui
