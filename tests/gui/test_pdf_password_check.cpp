// Issue 6 §5/§6: "Check quotes" on a study whose PDF is encrypted asks for the password (the
// viewer's PdfPasswordPanel in a dialog), says so when it is wrong, and checks the quote with
// the right one. The file is made by the test: QPdfWriter, then qpdf (scripts/setup.sh).
#include "guitestsupport.h"

#include "mainwindow.h"
#include "panepdfsection.h"
#include "pdfpasswordpanel.h"
#include "pdfquotecheckui.h"
#include "pdfstudyui.h"

#include "support/viewerpdfs.h"

#include <QDialog>
#include <QDir>
#include <QPainter>
#include <QPixmap>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kStudy = QStringLiteral("garrison2020_cochrane");
/// The study's verbatim conclusion, as studies/garrison2020_cochrane.toml has it.
const QString kConclusion = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
    "adults experiencing skeletal muscle cramps. In contrast, for those experiencing pregnancy-associated rest "
    "cramps the literature is conflicting and further research in this population is needed. We found no RCTs "
    "evaluating magnesium for exercise-associated muscle cramps or disease-state-associated muscle cramps (for "
    "example amyotrophic lateral sclerosis/motor neuron disease) other than a single small (inconclusive) study in "
    "people with liver cirrhosis, only some of whom suffered cramps.");
const QString kPassword = QStringLiteral("Zx-pässwörd-42");

void answer(PdfQuoteCheckUi *checks, const QString &password)
{
    QLineEdit *field = checks->passwordPanel()->passwordField();
    field->setText(password);
    QTest::keyClick(field, Qt::Key_Return);
}

QString labelsOf(QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(u'\n');
}

} // namespace

TEST(PdfPasswordCheck, CheckQuotesAsksForThePasswordAndChecksWithIt)
{
    const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
    if (qpdf.isEmpty())
        GTEST_SKIP() << "qpdf is not installed (scripts/setup.sh installs it)";
    QTemporaryDir dir;
    SamplePaperOptions options;
    options.pages = 3;
    options.insertions.insert(2, kConclusion);
    const QString plain = dir.filePath(QStringLiteral("plain.pdf"));
    ASSERT_TRUE(writeSamplePaper(plain, options));
    const QString locked = dir.filePath(QStringLiteral("garrison-locked.pdf"));
    QProcess encrypt;
    encrypt.start(qpdf, { QStringLiteral("--encrypt"), kPassword, QStringLiteral("owner-secret"), QStringLiteral("256"),
                            QStringLiteral("--"), plain, locked });
    ASSERT_TRUE(encrypt.waitForFinished(60'000) && encrypt.exitCode() == 0) << encrypt.readAllStandardError().toStdString();

    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    selectAndReadPane(window, kStudy);
    PanePdfSection *section = window.pdfStudy()->section();
    window.pdfStudy()->attachFiles(kStudy, { locked });
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && !section->state().attachments.isEmpty(); }, 60'000));

    PdfQuoteCheckUi *checks = window.pdfStudy()->quoteChecking();
    window.pdfStudy()->checkQuotes();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && checks->passwordDialog(); }, 60'000));
    EXPECT_TRUE(labelsOf(checks->passwordDialog()).contains(QStringLiteral("garrison-locked.pdf is protected by a password")));
    EXPECT_TRUE(window.pdfStudy()->lastMessage().contains(QStringLiteral("garrison-locked.pdf is encrypted")))
        << window.pdfStudy()->lastMessage().toStdString();

    // MGREVIEW_DOC_SCREENSHOTS=docs/screenshots: the prompt over the window, for the user guide.
    if (const QString out = qEnvironmentVariable("MGREVIEW_DOC_SCREENSHOTS"); !out.isEmpty()) {
        window.show();
        checks->passwordDialog()->move(window.geometry().center() - checks->passwordDialog()->rect().center());
        QTest::qWait(200);
        QPixmap shot = window.grab();
        QPainter painter(&shot);
        painter.drawPixmap(checks->passwordDialog()->geometry().topLeft() - window.geometry().topLeft(),
            checks->passwordDialog()->grab());
        painter.end();
        EXPECT_TRUE(shot.save(QDir(out).filePath(QStringLiteral("quote-check-password.png"))));
    }

    // A wrong password: asked again, saying so.
    QPointer<QDialog> first = checks->passwordDialog();
    answer(checks, QStringLiteral("not it"));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && checks->passwordDialog() && checks->passwordDialog() != first; },
        60'000));
    EXPECT_TRUE(labelsOf(checks->passwordDialog()).contains(QStringLiteral("That password does not open it")));

    answer(checks, kPassword);
    ASSERT_TRUE(waitUntil([&] {
        return window.isSettled() && !checks->passwordDialog() && !section->state().checks.isEmpty()
            && section->state().checks.constFirst().problem.isEmpty();
    }, 60'000));
    const QuoteCheck &check = section->state().checks.constFirst();
    EXPECT_EQ(check.match.status, QuoteStatus::Verified);
    EXPECT_EQ(check.match.page, 2);
    EXPECT_TRUE(window.pdfStudy()->lastMessage().contains(QStringLiteral("checked"))) << window.pdfStudy()->lastMessage().toStdString();
}
