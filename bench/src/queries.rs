//! The benchmark's queries, over data made by `budgetql synth` (seed 1).

/// One benchmark query.
pub struct BenchQuery {
    pub name: &'static str,
    pub what: &'static str,
    pub graphql: String,
}

/// The first synthetic department's name (county 0, kind 0).
pub const FIRST_DEPARTMENT: &str = "安安县县委办公室";
/// The first synthetic province.
pub const PROVINCE: &str = "660000";

pub fn all(year: i32) -> Vec<BenchQuery> {
    vec![
        BenchQuery {
            name: "Q1",
            what: "one department's full disclosure (the contract query)",
            graphql: format!(
                r#"{{ department(name: "{FIRST_DEPARTMENT}") {{ name disclosure(year: {year}, stage: BUDGET) {{
                income {{ total generalPublicBudget governmentFund specialAccount other }}
                expenditure {{ total basic personnel publicOperating project }}
                operatingCost operatingCostYuan: operatingCost(unit: YUAN) staffInService perCapitaOperatingCost
                threePublic {{ total outboundTravel vehiclePurchase vehicleOperation reception }}
                projects {{ name amount indicators {{ level1 level2 level3 description target basis }} }}
                procurementItems {{ itemName quantity unitPrice amount }}
                fixedAssets {{ category value }} fixedAssetsTotal }} }} }}"#
            ),
        },
        BenchQuery {
            name: "Q2",
            what: "a page of 100 departments with budget, 三公 and project count",
            graphql: format!(
                r#"{{ departments(first: 100) {{ nodes {{ name disclosure(year: {year}) {{
                expenditure {{ total basic personnel publicOperating project }}
                threePublic {{ total outboundTravel vehiclePurchase vehicleOperation reception }} projectCount }} }} }} }}"#
            ),
        },
        BenchQuery {
            name: "Q3",
            what: "a region roll-up by year",
            graphql: format!(
                r#"{{ aggregate(filter: {{ regionCode: "{PROVINCE}" }}, groupBy: [YEAR]) {{ year departmentCount
                expenditure {{ total }} threePublic {{ total }} operatingCost perCapitaOperatingCost threePublicShare }} }}"#
            ),
        },
        BenchQuery {
            name: "Q4",
            what: "a ranking over a province",
            graphql: format!(
                r#"{{ ranking(metric: PER_CAPITA_OPERATING_COST, year: {year}, regionCode: "{PROVINCE}", limit: 10) {{
                rank value department {{ name }} }} }}"#
            ),
        },
    ]
}
