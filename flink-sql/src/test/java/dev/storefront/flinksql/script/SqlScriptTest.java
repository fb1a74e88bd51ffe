package dev.storefront.flinksql.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void cutsAtSemicolonsOutsideLiteralsIdentifiersAndComments() {
        String script = """
                -- a comment; not a statement
                SET 'table.local-time-zone' = 'UTC;';
                CREATE TABLE `odd;name` (a STRING) /* ; */ WITH ('connector' = 'datagen');
                  INSERT INTO x
                  SELECT 'it''s; fine' FROM y;
                """;

        List<SqlScript.Statement> statements = SqlScript.parse(script);

        assertThat(statements).extracting(SqlScript.Statement::keyword).containsExactly("SET", "CREATE", "INSERT");
        assertThat(statements.get(0).text()).isEqualTo("SET 'table.local-time-zone' = 'UTC;'");
        assertThat(statements.get(1).text()).contains("`odd;name`").doesNotContain("/*");
        assertThat(statements.get(2).text()).isEqualTo("INSERT INTO x\n  SELECT 'it''s; fine' FROM y");
        assertThat(statements.get(2).line()).isEqualTo(4);
        assertThat(statements.get(2).column()).isEqualTo(3);
    }

    @Test
    void aStatementSetIsOneStatement() {
        String script = """
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT * FROM b;
                  INSERT INTO c SELECT * FROM d;
                END;
                INSERT INTO e SELECT 1;
                """;

        List<SqlScript.Statement> statements = SqlScript.parse(script);

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).text())
                .startsWith("EXECUTE STATEMENT SET BEGIN")
                .endsWith("END");
        assertThat(statements.get(1).line()).isEqualTo(5);
    }

    @Test
    void aLastStatementNeedsNoSemicolonAndBlanksAreNoStatement() {
        assertThat(SqlScript.parse("  \n-- only a comment\n")).isEmpty();
        assertThat(SqlScript.parse("SELECT 1"))
                .singleElement()
                .extracting(SqlScript.Statement::text)
                .isEqualTo("SELECT 1");
    }

    @Test
    void flinksPositionsInsideAStatementBecomePositionsInTheFile() {
        SqlScript.Statement statement =
                SqlScript.parse("\n\n   SELECT x\nFORM y;").get(0);

        assertThat(statement.line()).isEqualTo(3);
        assertThat(statement.column()).isEqualTo(4);
        assertThat(SqlErrors.inFile("Encountered \"y\" at line 2, column 6.", statement))
                .isEqualTo("Encountered \"y\" at line 4, column 6.");
        assertThat(SqlErrors.inFile("From line 1, column 8 to line 1, column 8: Column 'x' not found", statement))
                .isEqualTo("From line 3, column 11 to line 3, column 11: Column 'x' not found");
    }

    @Test
    void theMessageThatNamesThePositionIsTheOneReported() {
        Exception failure = new RuntimeException(
                "wrapper", new IllegalStateException("SQL parse failed. Encountered \"FORM\" at line 1, column 10."));

        assertThat(SqlErrors.flinkMessage(failure)).startsWith("SQL parse failed.");
        assertThat(SqlErrors.flinkMessage(new RuntimeException("outer", new RuntimeException("root cause"))))
                .isEqualTo("root cause");
    }
}
