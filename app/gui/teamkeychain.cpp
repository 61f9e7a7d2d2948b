#include "teamkeychain.h"

#include "store/database.h"

#include <qt6keychain/keychain.h>

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QThread>

namespace mgreview::gui {

namespace {

const QString kService = QStringLiteral("MgReview team library");

/// Runs a keychain job to its end in the calling thread.
bool runJob(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError)
        return true;
    *error = job.errorString();
    return false;
}

/// Asks for the password on the GUI thread; empty when cancelled.
QString askPassword(const LibraryLocation &location, bool *remember)
{
    QDialog dialog(QApplication::activeWindow());
    dialog.setWindowTitle(QApplication::translate("TeamKeychain", "Team library password"));
    auto *layout = new QFormLayout(&dialog);
    layout->addRow(new QLabel(QApplication::translate("TeamKeychain", "The server asks for the password of %1.")
                                  .arg(location.displayName().toHtmlEscaped())));
    auto *field = new QLineEdit(&dialog);
    field->setEchoMode(QLineEdit::Password);
    layout->addRow(QApplication::translate("TeamKeychain", "&Password:"), field);
    auto *keep = new QCheckBox(QApplication::translate("TeamKeychain", "&Remember in the system keychain"), &dialog);
    keep->setChecked(true);
    layout->addRow(keep);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    *remember = keep->isChecked();
    return field->text();
}

} // namespace

QString keychainKey(const LibraryLocation &location)
{
    const QUrl &url = location.url;
    return QStringLiteral("%1@%2:%3%4").arg(url.userName(), url.host()).arg(url.port(5432)).arg(url.path());
}

bool readTeamPassword(const LibraryLocation &location, QString *password, QString *error)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(keychainKey(location));
    if (!runJob(job, error))
        return false;
    *password = job.textData();
    return true;
}

bool storeTeamPassword(const LibraryLocation &location, const QString &password, QString *error)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(keychainKey(location));
    job.setTextData(password);
    return runJob(job, error);
}

bool forgetTeamPassword(const LibraryLocation &location, QString *error)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(keychainKey(location));
    return runJob(job, error);
}

void installTeamPasswordProvider(bool mayAsk)
{
    Database::setPasswordProvider([mayAsk](const LibraryLocation &location) {
        QString password;
        QString error;
        if (readTeamPassword(location, &password, &error) && !password.isEmpty())
            return password;
        if (!mayAsk)
            return QString();
        bool remember = false;
        // Called on the library's I/O thread: the dialog belongs to the GUI thread.
        const auto ask = [&] { password = askPassword(location, &remember); };
        if (QThread::currentThread() == qApp->thread())
            ask();
        else
            QMetaObject::invokeMethod(qApp, ask, Qt::BlockingQueuedConnection);
        if (remember && !password.isEmpty() && !storeTeamPassword(location, password, &error))
            qWarning("mgreview: the password could not be kept in the system keychain: %s", qUtf8Printable(error));
        return password;
    });
}

} // namespace mgreview::gui
