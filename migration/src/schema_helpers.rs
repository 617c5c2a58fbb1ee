//! Small builders shared by the migrations, so every table follows the same conventions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::big_integer_null;
use sea_orm_migration::sea_orm::DbBackend;

/// A nullable money column: a count of 分.
pub fn money(column: &'static str) -> ColumnDef {
    big_integer_null(column)
}

/// A table statement with the options every backend needs (utf8mb4 on MySQL, for Chinese text).
pub fn table(manager: &SchemaManager, name: &'static str) -> TableCreateStatement {
    let mut statement = Table::create();
    statement.table(name);
    if manager.get_database_backend() == DbBackend::MySql {
        statement
            .engine("InnoDB")
            .character_set("utf8mb4")
            .collate("utf8mb4_bin");
    }
    statement
}

/// A named foreign key `fk-<table>-<column>` to `<parent>.id`.
pub fn foreign_key(
    table: &'static str,
    column: &'static str,
    parent: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk-{table}-{column}"))
        .from(table, column)
        .to(parent, "id")
        .on_delete(on_delete)
        .to_owned()
}

/// Creates an index `idx-<table>-<columns>`.
pub async fn index(
    manager: &SchemaManager<'_>,
    table: &'static str,
    columns: &[&'static str],
    unique: bool,
) -> Result<(), DbErr> {
    let mut statement = Index::create();
    statement
        .name(format!("idx-{table}-{}", columns.join("-")))
        .table(table);
    for column in columns {
        statement.col(*column);
    }
    if unique {
        statement.unique();
    }
    manager.create_index(statement).await
}
