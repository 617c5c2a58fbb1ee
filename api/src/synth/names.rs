//! Names and codes of synthetic regions and departments: unique, stable for a seed, and
//! outside the real 财政区划 code range (synthetic provinces are 66–99, less 71, 81 and 82).

/// Counties per synthetic city, and cities per synthetic province (a province holds 170 counties).
pub const COUNTIES_PER_CITY: usize = 10;
pub const CITIES_PER_PROVINCE: usize = 17;

const FIRST: &[char] = &[
    '安', '宝', '昌', '长', '成', '大', '德', '东', '丰', '福', '富', '固', '广', '海', '和', '河',
    '华', '怀', '建', '江', '金', '景', '靖', '康', '乐', '利', '临', '龙', '隆', '茂', '南', '宁',
    '平', '庆', '青', '清', '仁', '荣', '瑞', '三', '山', '上', '寿', '顺', '泰', '通', '万', '文',
    '武', '西', '仙', '新', '兴', '阳', '永', '玉', '元', '云', '镇', '中',
];
const SECOND: &[char] = &[
    '安', '城', '川', '丰', '阜', '谷', '光', '和', '河', '湖', '化', '江', '津', '康', '陵', '林',
    '宁', '平', '浦', '清', '泉', '山', '盛', '水', '顺', '台', '潭', '田', '溪', '乡', '兴', '阳',
    '源', '远', '原', '州', '庄', '治', '泽', '昭', '宜', '义', '邑', '营', '余', '峪', '岳', '漳',
    '中', '舟', '珠', '遵', '邦', '丘', '坪', '岗', '湾', '滨', '屯', '桥',
];

/// A two-character place name, different for every index below 3600 (then numbered).
pub fn place_name(index: usize) -> String {
    let pairs = FIRST.len() * SECOND.len();
    let (round, within) = (index / pairs, index % pairs);
    let name: String = [FIRST[within / SECOND.len()], SECOND[within % SECOND.len()]]
        .iter()
        .collect();
    if round == 0 {
        name
    } else {
        format!("{name}{}", round + 1)
    }
}

/// Two-digit province codes no real province uses.
const PROVINCES: &[u32] = &[
    66, 67, 68, 69, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92,
    93, 94, 95, 96, 97, 98, 99,
];

/// How many counties synthetic data can hold.
pub const MAX_COUNTIES: usize = PROVINCES.len() * CITIES_PER_PROVINCE * COUNTIES_PER_CITY;

/// The codes of county `index` (below [`MAX_COUNTIES`]): (province, city, county), 6 digits each.
pub fn county_codes(index: usize) -> (String, String, String) {
    let province = PROVINCES[(index / (COUNTIES_PER_CITY * CITIES_PER_PROVINCE)) % PROVINCES.len()];
    let city = 1 + (index / COUNTIES_PER_CITY) % CITIES_PER_PROVINCE;
    let county = 1 + index % COUNTIES_PER_CITY;
    (
        format!("{province}0000"),
        format!("{province}{city:02}00"),
        format!("{province}{city:02}{county:02}"),
    )
}

/// A kind of department, with the function class most of its spending falls in.
pub struct DepartmentKind {
    pub name: &'static str,
    pub function_class: &'static str,
    pub function_name: &'static str,
    pub administrative: bool,
}

macro_rules! kinds {
    ($(($name:literal, $code:literal, $function:literal, $admin:literal)),+ $(,)?) => {
        &[$(DepartmentKind { name: $name, function_class: $code, function_name: $function, administrative: $admin }),+]
    };
}

pub const KINDS: &[DepartmentKind] = kinds![
    ("县委办公室", "201", "一般公共服务支出", true),
    ("人民政府办公室", "201", "一般公共服务支出", true),
    ("财政局", "201", "一般公共服务支出", true),
    ("发展和改革局", "201", "一般公共服务支出", true),
    ("统计局", "201", "一般公共服务支出", true),
    ("审计局", "201", "一般公共服务支出", true),
    ("公安局", "204", "公共安全支出", true),
    ("司法局", "204", "公共安全支出", true),
    ("教育局", "205", "教育支出", true),
    ("第一中学", "205", "教育支出", false),
    ("科学技术局", "206", "科学技术支出", true),
    ("文化广电和旅游局", "207", "文化旅游体育与传媒支出", true),
    ("人力资源和社会保障局", "208", "社会保障和就业支出", true),
    ("民政局", "208", "社会保障和就业支出", true),
    ("退役军人事务局", "208", "社会保障和就业支出", true),
    ("卫生健康局", "210", "卫生健康支出", true),
    ("人民医院", "210", "卫生健康支出", false),
    ("疾病预防控制中心", "210", "卫生健康支出", false),
    ("生态环境分局", "211", "节能环保支出", true),
    ("住房和城乡建设局", "212", "城乡社区支出", true),
    ("城市管理综合行政执法局", "212", "城乡社区支出", true),
    ("农业农村局", "213", "农林水支出", true),
    ("水利局", "213", "农林水支出", true),
    ("林业和草原局", "213", "农林水支出", true),
    ("交通运输局", "214", "交通运输支出", true),
    ("工业和信息化局", "215", "资源勘探工业信息等支出", true),
    ("商务局", "216", "商业服务业等支出", true),
    ("自然资源局", "220", "自然资源海洋气象等支出", true),
    ("住房公积金管理中心", "221", "住房保障支出", false),
    ("应急管理局", "224", "灾害防治及应急管理支出", true),
];

/// The name of department `index` of a county: its kind, numbered past the list.
pub fn department_name(county: &str, index: usize) -> (String, &'static DepartmentKind) {
    let kind = &KINDS[index % KINDS.len()];
    let round = index / KINDS.len();
    let name = if round == 0 {
        format!("{county}县{}", kind.name)
    } else {
        format!("{county}县{}第{}分中心", kind.name, round + 1)
    };
    (name, kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn place_names_and_codes_are_unique_at_national_scale() {
        let names: HashSet<String> = (0..5000).map(place_name).collect();
        assert_eq!(names.len(), 5000);
        let codes: HashSet<String> = (0..MAX_COUNTIES).map(|i| county_codes(i).2).collect();
        assert_eq!(codes.len(), MAX_COUNTIES);
        const { assert!(MAX_COUNTIES >= 2800) };
        assert_eq!(
            county_codes(0),
            ("660000".into(), "660100".into(), "660101".into())
        );
        assert_eq!(county_codes(171).2, "670102");
    }
}
