//! Writes the workbook fixtures of `tests/fixtures/workbooks/`, one per layout the loader finds
//! without asking: `cargo run --example make_workbook_fixtures`. The figures only show the
//! shape of each layout; they are no statistics. (The ODS and XLS copies are
//! converted from these by `scripts/make-converted-fixtures.sh`, which needs LibreOffice.)

use rust_xlsxwriter::{Format, Workbook, XlsxError};

const FOLDER: &str = "tests/fixtures/workbooks";

/// A statistical yearbook's sheet, starting at C4: a title row, a unit row, years across as
/// text and numbers, a growth column, a share formatted as a percentage, a number stored as
/// text with a thousands separator, a dash for a gap, an error cell, a formula without its
/// result, and a note below.
fn yearbook() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("2-15")?;
    let percent = Format::new().set_num_format("0.0%");
    sheet.write_string(3, 2, "2-15 金华市对外贸易情况")?;
    sheet.write_string(4, 6, "单位:亿元")?;
    sheet.write_string(5, 2, "指标")?;
    sheet.write_string(5, 3, "2021年")?;
    sheet.write_string(5, 4, "2022年")?;
    sheet.write_number(5, 5, 2023)?;
    sheet.write_string(5, 6, "比上年增长(%)")?;
    // 进出口总额: a number, a number stored as text, a formula with its cached result.
    sheet.write_string(6, 2, "进出口总额")?;
    sheet.write_number(6, 3, 6000.5)?;
    sheet.write_string(6, 4, "6,300.25")?;
    sheet.write_formula(6, 5, "=E7*1.05")?;
    sheet.set_formula_result(6, 5, "6615.2625");
    sheet.write_number(6, 6, 5.0)?;
    // 出口: a dash, an error cell, a formula never computed.
    sheet.write_string(7, 2, "出口")?;
    sheet.write_number(7, 3, 4500.0)?;
    sheet.write_string(7, 4, "—")?;
    sheet.write_formula(7, 5, "=NA()")?;
    sheet.set_formula_result(7, 5, "#N/A");
    sheet.write_formula(7, 6, "=F8/E8-1")?;
    sheet.set_formula_result(7, 6, "");
    // A share, formatted as a percentage in the workbook (stored as 0.123).
    sheet.write_string(8, 2, "占全省比重")?;
    sheet.write_number_with_format(8, 3, 0.123, &percent)?;
    sheet.write_number_with_format(8, 4, 0.125, &percent)?;
    sheet.write_number_with_format(8, 5, 0.131, &percent)?;
    sheet.write_string(10, 2, "注:本表数据为示意,不是统计数字。")?;
    book.save(format!("{FOLDER}/yearbook.xlsx"))
}

/// A tidy sheet with Chinese headers and a unit column, beside a sheet of notes only and an
/// empty one.
fn tidy() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("说明")?;
    notes.write_string(0, 0, "本工作簿的数字为示意。")?;
    let data = book.add_worksheet().set_name("数据")?;
    for (c, name) in ["地区", "指标", "年份", "数值", "单位"].iter().enumerate() {
        data.write_string(0, c as u16, *name)?;
    }
    let rows = [
        ("义乌市", "出口", 2023, 5000.0, "亿元"),
        ("义乌市", "出口", 2024, 5500.0, "亿元"),
        ("永康市", "出口", 2024, 600.0, "亿元"),
        ("Atlantis", "出口", 2024, 1.5, "亿元"),
    ];
    for (r, (place, indicator, year, value, unit)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        data.write_string(r, 0, *place)?;
        data.write_string(r, 1, *indicator)?;
        data.write_number(r, 2, *year)?;
        data.write_number(r, 3, *value)?;
        data.write_string(r, 4, *unit)?;
    }
    book.add_worksheet().set_name("空")?;
    book.save(format!("{FOLDER}/tidy.xlsx"))
}

/// A personal sheet: years down, places across, the unit in the sheet's name.
fn places_across() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("出口(亿元)")?;
    for (c, name) in ["年份", "金华", "义乌", "永康"].iter().enumerate() {
        sheet.write_string(0, c as u16, *name)?;
    }
    for (r, (year, values)) in [(2022, [100.0, 60.0, 10.0]), (2023, [110.0, 66.0, 11.0])].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, *year)?;
        for (c, v) in values.iter().enumerate() {
            sheet.write_number(r, c as u16 + 1, *v)?;
        }
    }
    book.save(format!("{FOLDER}/places_across.xlsx"))
}

/// Merged header cells: a title over the table's width, and each year over its amount and its
/// growth, named by a second header row.
fn merged_header() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("外贸")?;
    let plain = Format::new();
    sheet.merge_range(0, 0, 0, 4, "义乌市对外贸易(亿元)", &plain)?;
    sheet.write_string(1, 0, "指标")?;
    sheet.merge_range(1, 1, 1, 2, "2022年", &plain)?;
    sheet.merge_range(1, 3, 1, 4, "2023年", &plain)?;
    for (c, name) in ["金额", "比上年增长%", "金额", "比上年增长%"].iter().enumerate() {
        sheet.write_string(2, c as u16 + 1, *name)?;
    }
    sheet.write_string(3, 0, "出口")?;
    for (c, v) in [4500.0, 6.5, 5000.0, 11.1].iter().enumerate() {
        sheet.write_number(3, c as u16 + 1, *v)?;
    }
    book.save(format!("{FOLDER}/merged_header.xlsx"))
}

fn main() -> Result<(), XlsxError> {
    std::fs::create_dir_all(FOLDER)?;
    yearbook()?;
    tidy()?;
    places_across()?;
    merged_header()?;
    println!("wrote {FOLDER}/yearbook.xlsx, tidy.xlsx, places_across.xlsx, merged_header.xlsx");
    Ok(())
}
