//! The `region_rollup` summary table gives the same roll-ups as the disclosures themselves,
//! after synthetic bulk loads, imports, replacements and departments that change unit nature,
//! and it is filled from existing data when its migration is applied (as are the project
//! totals stored with each disclosure).

use budgetql::import::{ImportOutcome, import_document};
use budgetql::queries::aggregate::{
    AggregateFilter, AggregateRow, Dimension, Source, aggregate_from,
};
use budgetql::synth::{SynthOptions, synthesize};
use migration::{Migrator, MigratorTrait};
use rust_decimal::Decimal;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::helpers::{TestDb, backends, query, sample_variant};

/// Roll-ups the summary table can answer: each group has one year and one stage.
fn answerable() -> Vec<(AggregateFilter, Vec<Dimension>)> {
    let budget = |years: Option<Vec<i32>>, region_path: Option<&str>| AggregateFilter {
        region_path: region_path.map(str::to_owned),
        years,
        stage: Some("BUDGET"),
        ..AggregateFilter::default()
    };
    vec![
        (budget(None, None), vec![Dimension::Year]),
        (budget(None, Some("/660000/")), vec![Dimension::Year]),
        (budget(None, None), vec![Dimension::Year, Dimension::Region]),
        (
            budget(Some(vec![2023]), Some("/660000/")),
            vec![Dimension::UnitNature],
        ),
        (budget(Some(vec![2024]), None), vec![]),
        (
            AggregateFilter {
                unit_nature: Some("行政单位".to_owned()),
                ..AggregateFilter::default()
            },
            vec![Dimension::Year, Dimension::Stage],
        ),
        (
            AggregateFilter::default(),
            vec![Dimension::Year, Dimension::Stage, Dimension::UnitNature],
        ),
    ]
}

async fn both(
    db: &DatabaseConnection,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> (Vec<AggregateRow>, Vec<AggregateRow>) {
    let from_rollup = aggregate_from(db, Source::Rollup, filter, dimensions)
        .await
        .unwrap();
    let from_disclosures = aggregate_from(db, Source::Disclosures, filter, dimensions)
        .await
        .unwrap();
    (from_rollup, from_disclosures)
}

async fn assert_rollup_agrees(test_db: &TestDb, when: &str) {
    for (filter, dimensions) in answerable() {
        assert_eq!(
            Source::for_query(&filter, &dimensions),
            Source::Rollup,
            "{filter:?} {dimensions:?}"
        );
        let (from_rollup, from_disclosures) = both(&test_db.db, &filter, &dimensions).await;
        assert!(!from_disclosures.is_empty(), "{filter:?} {dimensions:?}");
        assert_eq!(
            from_rollup, from_disclosures,
            "{when}, {filter:?} by {dimensions:?} on {:?}",
            test_db.backend
        );
    }
}

#[tokio::test]
async fn the_summary_table_gives_the_roll_ups_of_the_disclosures_through_every_kind_of_write() {
    for test_db in backends().await {
        let options = SynthOptions {
            counties: 3,
            departments: 4,
            years: 3,
            last_year: 2024,
            seed: 11,
            projects: (1, 2),
            flawed_per_mille: 100,
        };
        synthesize(&test_db.db, &options).await.unwrap();
        assert_rollup_agrees(&test_db, "after synth").await;

        // New departments in the sample's region, then one replaced with other figures.
        for (name, year) in [("甲局", 2023), ("甲局", 2024), ("乙局", 2024)] {
            let doc = sample_variant(name, year);
            import_document(&test_db.db, name, &doc).await.unwrap();
        }
        // A department without region or unit nature: its summary row has NULL keys.
        for year in [2023, 2024] {
            let mut doc = sample_variant("丁局", year);
            doc.department.region = None;
            doc.department.unit_nature = None;
            import_document(&test_db.db, "丁局", &doc).await.unwrap();
        }
        let mut changed = sample_variant("甲局", 2024);
        changed.expenditure.total = changed.expenditure.total.map(|t| t + Decimal::ONE);
        import_document(&test_db.db, "changed", &changed)
            .await
            .unwrap();
        assert_rollup_agrees(&test_db, "after imports").await;

        // The department changes unit nature: its rows of every year move.
        let mut moved = sample_variant("甲局", 2024);
        moved.department.unit_nature = Some("事业单位".to_owned());
        import_document(&test_db.db, "moved", &moved).await.unwrap();
        assert_rollup_agrees(&test_db, "after a department moved").await;

        // It moves back with a new year's disclosure: recomputed, not counted twice.
        let mut moved_back = sample_variant("甲局", 2025);
        moved_back.department.unit_nature = Some("行政单位".to_owned());
        import_document(&test_db.db, "moved back", &moved_back)
            .await
            .unwrap();
        assert_rollup_agrees(&test_db, "after a department moved with a new disclosure").await;
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn concurrent_imports_into_a_new_region_all_land_and_keep_the_summary_table_exact() {
    use futures_util::future::join_all;
    for test_db in backends().await {
        let docs: Vec<_> = (0..8)
            .map(|n| sample_variant(&format!("并发局{n}"), 2024))
            .collect();
        // Eight writers at once, all creating the same region chain: those that lose the race
        // for a region are written again on top of the winner's.
        let reports = join_all(
            docs.iter()
                .map(|doc| import_document(&test_db.db, "concurrent", doc)),
        )
        .await;
        for report in reports {
            let report = report.unwrap_or_else(|e| panic!("{:?}: {e}", test_db.backend));
            assert_eq!(report.outcome, ImportOutcome::Inserted);
        }
        let regions = entity::region::Entity::find()
            .count(&test_db.db)
            .await
            .unwrap();
        let chain =
            std::iter::successors(docs[0].department.region.as_ref(), |r| r.parent.as_deref())
                .count();
        assert_eq!(regions, chain as u64, "{:?}", test_db.backend);
        assert_rollup_agrees_for_budgets(&test_db, 8).await;
        test_db.cleanup().await;
    }
}

/// The budget roll-up by year from the summary table equals the disclosures' and counts
/// `disclosures`.
async fn assert_rollup_agrees_for_budgets(test_db: &TestDb, disclosures: i64) {
    let filter = AggregateFilter {
        stage: Some("BUDGET"),
        ..AggregateFilter::default()
    };
    let (from_rollup, from_disclosures) = both(&test_db.db, &filter, &[Dimension::Year]).await;
    assert_eq!(from_rollup, from_disclosures, "{:?}", test_db.backend);
    assert_eq!(
        from_rollup
            .iter()
            .map(|row| row.disclosure_count)
            .sum::<i64>(),
        disclosures,
        "{:?}",
        test_db.backend
    );
}

#[tokio::test]
async fn applying_the_national_scale_migrations_fills_them_from_stored_disclosures() {
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        for year in [2021, 2022] {
            let doc = sample_variant("丙局", year);
            import_document(&test_db.db, "丙局", &doc).await.unwrap();
        }
        // Back to the first migration's schema, with the data kept; then up again.
        Migrator::down(&test_db.db, Some(2)).await.unwrap();
        budgetql::db::migrate(&test_db.db).await.unwrap();
        let data = query(
            &test_db.schema(),
            "{ departments(first: 10) { nodes { disclosures { projectCount projectAmountTotal } } } }",
        )
        .await;
        let nodes: Vec<_> = data["departments"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["disclosures"].as_array().unwrap().clone())
            .collect();
        assert_eq!(nodes.len(), 3);
        for node in nodes {
            assert_eq!(node["projectCount"], 30, "{:?}", test_db.backend);
            assert_eq!(node["projectAmountTotal"], "824.4", "{:?}", test_db.backend);
        }
        let by_year = [Dimension::Year];
        let filter = AggregateFilter {
            stage: Some("BUDGET"),
            ..AggregateFilter::default()
        };
        let (from_rollup, from_disclosures) = both(&test_db.db, &filter, &by_year).await;
        assert_eq!(from_disclosures.len(), 3, "{:?}", test_db.backend);
        assert_eq!(from_rollup, from_disclosures, "{:?}", test_db.backend);
        test_db.cleanup().await;
    }
}
