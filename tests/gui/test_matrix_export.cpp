// File ▸ Export matrix… and `mgreview --screenshot --view matrix`: files written from the GUI
// code path (off the GUI thread) and read back.
#include "guitestsupport.h"

#include "commandline.h"
#include "independencecombo.h"
#include "matrixui.h"

#include "matrix/evidencematrix.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"
#include "models/studytablemodel.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

/// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
QVector<QStringList> parseCsv(const QString &text)
{
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(std::exchange(field, QString()));
        } else if (c == u'\n') {
            row.append(std::exchange(field, QString()));
            rows.append(std::exchange(row, QStringList()));
        } else if (c != u'\r') {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

struct Exported {
    bool ok = false;
    QString message;
};

Exported exportAndWait(MatrixUi *matrix, const QString &path, MatrixFormat format)
{
    QSignalSpy finished(matrix, &MatrixUi::exportFinished);
    matrix->exportMatrix(path, format);
    EXPECT_TRUE(matrix->isExporting() || !finished.isEmpty());
    EXPECT_TRUE(waitUntil([&] { return !finished.isEmpty(); })) << "the export never finished";
    if (finished.isEmpty())
        return {};
    return { finished.at(0).at(0).toBool(), finished.at(0).at(1).toString() };
}

std::unique_ptr<OpenWindow> openSettledWindow()
{
    auto open = openSeededWindow();
    EXPECT_TRUE(waitUntil([&] { return open->window->isSettled(); })) << "the window never settled";
    return open;
}

EvidenceMatrix expectedMatrix(const MainWindow &window, IndependenceFilter independence)
{
    StudyFilter filter;
    filter.independence = independence;
    return EvidenceMatrix::compute(window.tableModel()->allStudies(), filter, std::nullopt, Vocabularies::builtin());
}

} // namespace

TEST(MatrixExport, CsvFollowsTheFundingFilterOnScreen)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::Independent);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("matrix.csv"));
    const Exported result = exportAndWait(matrix, path, MatrixFormat::Csv);
    ASSERT_TRUE(result.ok) << str(result.message);
    EXPECT_TRUE(result.message.contains(QStringLiteral("independent studies only"))) << str(result.message);

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QVector<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    const Vocabularies &v = Vocabularies::builtin();
    const EvidenceMatrix expected = expectedMatrix(*open->window, IndependenceFilter::Independent);
    // Cramp types across the first row, populations down the first column, totals last.
    ASSERT_EQ(rows.size(), v.population.terms().size() + 2);
    ASSERT_EQ(rows.at(0).size(), v.crampType.terms().size() + 2);
    for (int c = 0; c < v.crampType.terms().size(); ++c)
        EXPECT_EQ(rows.at(0).at(c + 1), v.crampType.terms().at(c).label);
    // Every cell starts with the count the matrix on screen shows.
    for (int r = 0; r < v.population.terms().size(); ++r) {
        EXPECT_EQ(rows.at(r + 1).at(0), v.population.terms().at(r).label);
        for (int c = 0; c < v.crampType.terms().size(); ++c) {
            EXPECT_EQ(rows.at(r + 1).at(c + 1).split(u' ').at(0).toInt(), expected.cell(r, c).count())
                << str(rows.at(r + 1).at(c + 1));
        }
    }
    // Independent only: the pregnancy cell of pregnant women is a gap, as on screen.
    const int pregnant = v.population.indexOf(QStringLiteral("pregnant_women"));
    const int pregnancy = v.crampType.indexOf(QStringLiteral("pregnancy"));
    EXPECT_EQ(rows.at(pregnant + 1).at(pregnancy + 1), matrixtext::csvCell(expected.cell(pregnant, pregnancy), v));
    EXPECT_EQ(rows.constLast().constLast().split(u' ').at(0).toInt(), expected.total().count());
}

TEST(MatrixExport, PngIsAFigureNotABlankImage)
{
    auto open = openSettledWindow();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("matrix.png"));
    const Exported result = exportAndWait(open->window->matrix(), path, MatrixFormat::Png);
    ASSERT_TRUE(result.ok) << str(result.message);
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 1000);
    EXPECT_GT(distinctColours(image), 30);
}

TEST(MatrixExport, HtmlThroughTheFileDialogQuotesConclusionsVerbatim)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    ASSERT_TRUE(matrix->exportAction()->isEnabled());
    QSignalSpy finished(matrix, &MatrixUi::exportFinished);
    matrix->exportAction()->trigger();
    auto *dialog = open->window->findChild<QFileDialog *>(QStringLiteral("matrixExportDialog"));
    ASSERT_NE(dialog, nullptr);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report"));
    // The list's choice gives the format when the name has no suffix.
    const QString html = dialog->nameFilters().filter(QStringLiteral("*.html")).value(0);
    ASSERT_FALSE(html.isEmpty());
    dialog->selectNameFilter(html);
    Q_EMIT dialog->filterSelected(html);
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() reads the typed name.
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }));
    ASSERT_TRUE(finished.at(0).at(0).toBool()) << str(finished.at(0).at(1).toString());

    QFile file(path + QStringLiteral(".html"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << str(file.fileName());
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("<html"))) << str(text.left(200));
    // Only the full records (read on the I/O thread) carry the verbatim conclusions.
    EXPECT_TRUE(text.contains(QStringLiteral(
        "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
        "adults experiencing skeletal muscle cramps.")));
    EXPECT_TRUE(text.contains(QStringLiteral("https://doi.org/10.1002/14651858.CD009402.pub3")));
}

TEST(MatrixExport, AFailedWriteNamesTheFile)
{
    auto open = openSettledWindow();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/matrix.csv"));
    const Exported result = exportAndWait(open->window->matrix(), path, MatrixFormat::Csv);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.message.contains(path)) << str(result.message);
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_FALSE(open->window->matrix()->isExporting());
}

TEST(MatrixCommandLine, ViewAndCellOptions)
{
    QString error;
    const auto parse = [&](QStringList arguments) {
        arguments.prepend(QStringLiteral("mgreview"));
        error.clear();
        return parseGuiArguments(arguments, &error);
    };
    const auto options = parse({ QStringLiteral("--view"), QStringLiteral("matrix"), QStringLiteral("--cell"),
        QStringLiteral("pregnant_women:pregnancy") });
    ASSERT_TRUE(options) << str(error);
    EXPECT_EQ(options->view, QStringLiteral("matrix"));
    EXPECT_EQ(options->cellPopulation, QStringLiteral("pregnant_women"));
    EXPECT_EQ(options->cellCrampType, QStringLiteral("pregnancy"));

    EXPECT_FALSE(parse({ QStringLiteral("--view"), QStringLiteral("grid") }));
    EXPECT_TRUE(error.contains(QStringLiteral("studies or matrix"))) << str(error);
    EXPECT_FALSE(parse({ QStringLiteral("--cell"), QStringLiteral("pregnant:pregnancy") }));
    // The message lists the ids that would work.
    EXPECT_TRUE(error.contains(QStringLiteral("pregnant_women"))) << str(error);
    EXPECT_TRUE(error.contains(QStringLiteral("nocturnal_idiopathic"))) << str(error);
    EXPECT_FALSE(parse({ QStringLiteral("--cell"), QStringLiteral("pregnant_women") }));
    EXPECT_TRUE(guiUsage().contains(QStringLiteral("--view")));
}

namespace {

struct ProcessResult {
    int exitCode = -1;
    QString out, err;
};

ProcessResult runExecutable(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MGREVIEW_GUI_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForFinished(120'000)) << "mgreview did not finish";
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "mgreview crashed";
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

TEST(MatrixScreenshot, ViewMatrixWritesANonBlankPngOfTheMatrix)
{
    TempLibrary library;
    QTemporaryDir dir;
    const QStringList common { QStringLiteral("--library"), library.path(), QStringLiteral("--studies"),
        projectStudiesFolder() };
    const QString matrixShot = dir.filePath(QStringLiteral("matrix.png"));
    ProcessResult result = runExecutable(common
        + QStringList { QStringLiteral("--screenshot"), matrixShot, QStringLiteral("--view"), QStringLiteral("matrix"),
            QStringLiteral("--filter"), QStringLiteral("independent") });
    ASSERT_EQ(result.exitCode, 0) << str(result.err);
    const QImage matrix(matrixShot);
    ASSERT_FALSE(matrix.isNull());
    EXPECT_GT(distinctColours(matrix), 50);

    // The same window with the table: a different picture, so --view did switch.
    const QString tableShot = dir.filePath(QStringLiteral("table.png"));
    result = runExecutable(common
        + QStringList { QStringLiteral("--screenshot"), tableShot, QStringLiteral("--view"), QStringLiteral("studies"),
            QStringLiteral("--filter"), QStringLiteral("independent") });
    ASSERT_EQ(result.exitCode, 0) << str(result.err);
    const QImage table(tableShot);
    ASSERT_EQ(table.size(), matrix.size());
    EXPECT_NE(table, matrix);

    result = runExecutable(common
        + QStringList { QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), QStringLiteral("--view"),
            QStringLiteral("grid") });
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("--view"))) << str(result.err);
}
