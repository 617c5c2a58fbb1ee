//! The data version: one row that every write transaction increments before it commits.
//! Response caches compare it to know whether a stored response may still be served; its row
//! lock puts the writers of summary rows one after another.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use entity::data_version;

/// The only row's id.
const ROW: i32 = 1;

/// Increments the version. Call it in a write transaction before it touches the summary rows:
/// the row stays locked until the transaction ends, so concurrent writers of summary rows wait
/// for each other.
pub async fn begin_write<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let update = Query::update()
        .table(data_version::Entity)
        .value(
            data_version::Column::Version,
            Expr::col(data_version::Column::Version).add(1),
        )
        .and_where(Expr::col(data_version::Column::Id).eq(ROW))
        .to_owned();
    db.execute(&update).await?;
    Ok(())
}

/// The current version.
pub async fn current<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    let row = data_version::Entity::find_by_id(ROW).one(db).await?;
    row.map(|r| r.version)
        .ok_or_else(|| DbErr::RecordNotFound("the data_version row is missing".to_owned()))
}
