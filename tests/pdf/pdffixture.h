#pragma once

// A temporary library seeded from the project's studies/, with helpers to make PDFs.

#include "pdftestsupport.h"

#include "corehelpers.h"
#include "model/study.h"
#include "store/studystore.h"
#include "support/templibrary.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace mgreview::testing {

class PdfLibraryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_files.isValid());
        Database &database = m_library.open();
        QStringList errors;
        ASSERT_GT(seedProjectStudies(database, &errors), 5) << str(errors.join(u'\n'));
    }
    Database &database() { return *m_library.database(); }
    Study study(const QString &id)
    {
        QString error;
        const std::optional<Study> s = StudyStore(database()).load(id, &error);
        EXPECT_TRUE(s) << str(id) << ": " << str(error);
        return s.value_or(Study());
    }
    /// Writes a PDF into the scratch folder (or `folder`) and returns its path.
    QString makePdf(const QString &name, const TestPdf &pdf, const QString &folder = {})
    {
        const QString dir = folder.isEmpty() ? m_files.path() : folder;
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(name);
        EXPECT_TRUE(writeTestPdf(path, pdf)) << str(path);
        return path;
    }
    QString makePdf(const QString &name, const QStringList &lines, const QString &folder = {})
    {
        TestPdf pdf;
        pdf.pages = {lines};
        return makePdf(name, pdf, folder);
    }

    TempLibrary m_library;
    QTemporaryDir m_files;
};

} // namespace mgreview::testing
