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
    if (error->isEmpty() || *error == u"Unknown error") // Says nothing a person could act on.
        *error = job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::OtherError
            ? QApplication::translate("TeamKeychain", "no Secret Service or KWallet answered on the session bus")
            : QApplication::translate("TeamKeychain", "keychain error %1").arg(int(job.error()));
    return false;
}

/// Asks for the password on the GUI thread; empty when cancelled. `keychainError`: why the
/// keychain could not give it (empty when it simply has none stored), said in the dialog.
QString askPassword(const LibraryLocation &location, const QString &keychainError, bool *remember)
{
    QDialog dialog(QApplication::activeWindow());
    dialog.setObjectName(QStringLiteral("teamPasswordDialog"));
    dialog.setWindowTitle(QApplication::translate("TeamKeychain", "Team library password"));
    auto *layout = new QFormLayout(&dialog);
    QString text = QApplication::translate("TeamKeychain", "The server asks for the password of %1.")
                       .arg(location.displayName().toHtmlEscaped());
    if (!keychainError.isEmpty())
        text += u' '
            + QApplication::translate("TeamKeychain",
                                      "The system keychain is not available (%1), so it cannot remember the "
                                      "password: enter it again; it will be asked for each time you connect.")
                  .arg(keychainError.toHtmlEscaped());
    auto *message = new QLabel(text, &dialog);
    message->setObjectName(QStringLiteral("teamPasswordMessage"));
    message->setWordWrap(true);
    layout->addRow(message);
    auto *field = new QLineEdit(&dialog);
    field->setObjectName(QStringLiteral("teamPasswordField"));
    field->setEchoMode(QLineEdit::Password);
    layout->addRow(QApplication::translate("TeamKeychain", "&Password:"), field);
    auto *keep = new QCheckBox(QApplication::translate("TeamKeychain", "&Remember in the system keychain"), &dialog);
    keep->setChecked(keychainError.isEmpty());
    keep->setEnabled(keychainError.isEmpty());
    layout->addRow(keep);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addRow(buttons);
    dialog.resize(480, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return {};
    *remember = keep->isChecked();
    return field->text();
}

/// Whether a keychain error only means "nothing stored for this library yet".
bool nothingStored(const QKeychain::Job &job)
{
    return job.error() == QKeychain::EntryNotFound;
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
    if (!runJob(job, error)) {
        if (nothingStored(job))
            error->clear(); // The keychain works; it has no password for this library yet.
        return false;
    }
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
        QString keychainError;
        if (readTeamPassword(location, &password, &keychainError) && !password.isEmpty())
            return password;
        if (!keychainError.isEmpty()) // Never the password: only which library and why.
            qWarning("mgreview: the system keychain could not give the password of %s: %s",
                     qUtf8Printable(location.displayName()), qUtf8Printable(keychainError));
        if (!mayAsk)
            return QString();
        bool remember = false;
        // Called on the library's I/O thread: the dialog belongs to the GUI thread.
        const auto ask = [&] { password = askPassword(location, keychainError, &remember); };
        if (QThread::currentThread() == qApp->thread())
            ask();
        else
            QMetaObject::invokeMethod(qApp, ask, Qt::BlockingQueuedConnection);
        QString error;
        if (remember && !password.isEmpty() && !storeTeamPassword(location, password, &error))
            qWarning("mgreview: the password could not be kept in the system keychain: %s", qUtf8Printable(error));
        return password;
    });
}

} // namespace mgreview::gui
