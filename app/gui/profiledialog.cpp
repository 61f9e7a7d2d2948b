#include "profiledialog.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {

QString roleHelp(Role role)
{
    switch (role) {
    case Role::Clinician:
        return ProfileDialog::tr("reads the studies and the review results; records nothing");
    case Role::Student:
        return ProfileDialog::tr("reads everything and will annotate conclusions");
    case Role::Reviewer:
        return ProfileDialog::tr("flags funding independence with evidence and resolves disagreements");
    }
    return {};
}

QString roleTitle(Role role)
{
    switch (role) {
    case Role::Clinician:
        return ProfileDialog::tr("&Clinician");
    case Role::Student:
        return ProfileDialog::tr("&Student");
    case Role::Reviewer:
        return ProfileDialog::tr("&Reviewer");
    }
    return {};
}

} // namespace

ProfileDialog::ProfileDialog(Purpose purpose, const QVector<Profile> &existing, QWidget *parent)
    : QDialog(parent), m_purpose(purpose), m_existing(existing)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(purpose == Purpose::FirstStart ? tr("Who is using this library?") : tr("Add profile"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(purpose == Purpose::FirstStart
            ? tr("MgReview keeps who recorded each funding judgement. Choose a name and what you do; "
                 "you can switch or add profiles later in the Profile menu.")
            : tr("A profile is a person using this library: their name goes with every judgement they record."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setPlaceholderText(tr("e.g. Ann"));
    form->addRow(tr("&Name:"), m_name);

    auto *roles = new QVBoxLayout;
    m_roles = new QButtonGroup(this);
    for (const Role role : { Role::Clinician, Role::Student, Role::Reviewer }) {
        auto *button = new QRadioButton(roleTitle(role), this);
        button->setObjectName(QStringLiteral("role-") + toString(role));
        m_roles->addButton(button, int(role));
        auto *help = new QLabel(roleHelp(role), this);
        help->setIndent(24);
        help->setForegroundRole(QPalette::PlaceholderText);
        roles->addWidget(button);
        roles->addWidget(help);
    }
    m_roles->button(int(Role::Clinician))->setChecked(true);
    form->addRow(tr("Role:"), roles);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("profileProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(purpose == Purpose::FirstStart ? tr("&Start") : tr("&Add and sign in"));
    if (purpose == Purpose::FirstStart)
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Continue &read only"));
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false); // Until the caller answers.
        Q_EMIT submitted(profile());
    });
    validate();
}

Profile ProfileDialog::profile() const
{
    return { m_name->text().trimmed(), Role(m_roles->checkedId()) };
}

void ProfileDialog::setProfile(const Profile &profile)
{
    m_name->setText(profile.name);
    m_roles->button(int(profile.role))->setChecked(true);
}

void ProfileDialog::showError(const QString &error)
{
    m_problem->setText(tr("⚠ %1").arg(error));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

void ProfileDialog::validate()
{
    const QString name = m_name->text().trimmed();
    QString problem = name.isEmpty() ? QString() : validateProfileName(name);
    QString note;
    bool known = false;
    for (const Profile &existing : std::as_const(m_existing)) {
        if (!problem.isEmpty() || existing.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (m_purpose == Purpose::Add) {
            problem = tr("there is already a profile named “%1”").arg(existing.name);
        } else {
            // The library already knows this person: sign in with the role it has.
            known = true;
            m_roles->button(int(existing.role))->setChecked(true);
            note = tr("“%1” is already in this library as %2: Start signs you in.")
                       .arg(existing.name, toString(existing.role));
        }
    }
    for (QAbstractButton *button : m_roles->buttons())
        button->setEnabled(!known);
    m_problem->setText(!problem.isEmpty() ? tr("⚠ %1").arg(problem) : note);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!name.isEmpty() && problem.isEmpty());
}

} // namespace mgreview::gui
