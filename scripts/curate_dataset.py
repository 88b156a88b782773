#!/usr/bin/env python3
"""Builds assets/jinhua_trade.json from the survey file trade-facts.json.

This is a curation tool, not part of the build: the app compiles the JSON it writes. Run it again
when the survey changes:

    python3 scripts/curate_dataset.py ../shared/data/trade-facts.json > assets/jinhua_trade.json

Rules (see docs/dataset-format.md and the closing notes of issue 2):
- Every observation keeps its source, its quote (reported figures) or its formula and inputs
  (derived figures), its trust, and the value and unit exactly as the source stated them.
- Money in yuan is normalised to billion yuan (100 million yuan / 10, trillion yuan * 1000) with
  decimal arithmetic; US dollars stay in dollars.
- Trust follows the scale of docs/dataset-format.md: figures from self-published sources (see
  SELF_PUBLISHED) are low, whatever the survey rated them.
- One value per cell (entity, metric, category, time, period), chosen by these rules in this order
  (the same order as docs/dataset-format.md): a reported figure beats a derived one; higher trust
  beats lower; among figures of equal trust, a rounded figure yields to a more precise one that it
  agrees with; equally trusted sources stating the same figure: the first. The losers become
  `alternatives`. Ties that no rule settles are listed in TIE_BREAKS
  with a reason.
- A derived figure is never more trusted than its weakest input; a derived figure whose survey
  formula used a figure that lost its cell is recomputed from the winner (RECOMPUTED), and the
  survey's figure is kept as an alternative.
- A number computed from words ("one out of every three") is derived, with its formula (FROM_WORDS).
- Figures that are not outturns (a forecast, a policy target) are left out: see LEFT_OUT.
"""
import copy
import json
import re
import sys
from decimal import Decimal

# (survey metric, dataset metric id, English name, Chinese name, unit, group, share_of, description)
METRICS = [
    ("total_trade", "total_trade", "Total foreign trade", "进出口总额", "billion_yuan", "trade", None,
     "Imports plus exports of goods, customs statistics, in yuan."),
    ("exports", "exports", "Exports", "出口额", "billion_yuan", "trade", None, "Exports of goods, in yuan."),
    ("imports", "imports", "Imports", "进口额", "billion_yuan", "trade", None, "Imports of goods, in yuan."),
    ("total_trade_usd", "total_trade_usd", "Total foreign trade (US dollars)", "进出口总额(美元)", "billion_usd", "trade", None,
     "Total trade as the source states it in US dollars; mostly press conversions, not a customs dollar series."),
    ("exports_usd", "exports_usd", "Exports (US dollars)", "出口额(美元)", "billion_usd", "trade", None, "Exports as stated in US dollars."),
    ("imports_usd", "imports_usd", "Imports (US dollars)", "进口额(美元)", "billion_usd", "trade", None, "Imports as stated in US dollars."),
    ("total_trade_yoy_growth", "total_trade_yoy_growth", "Total trade, growth on previous year", "进出口总额同比增长", "percent_change", "trade", None,
     "Year-on-year growth of total trade as reported."),
    ("exports_yoy_growth", "exports_yoy_growth", "Exports, growth on previous year", "出口额同比增长", "percent_change", "trade", None,
     "Year-on-year growth of exports as reported."),
    ("imports_yoy_growth", "imports_yoy_growth", "Imports, growth on previous year", "进口额同比增长", "percent_change", "trade", None,
     "Year-on-year growth of imports as reported."),
    ("national_share_exports", "national_share_exports", "Share of China's exports", "占全国出口份额", "share_percent", "trade", "China",
     "The entity's exports as a share of China's total exports."),
    ("share_of_zhejiang_total_trade", "share_of_zhejiang_total_trade", "Share of Zhejiang's total trade", "占全省进出口比重", "share_percent", "trade", "Zhejiang",
     "The entity's total trade as a share of Zhejiang's."),
    ("share_of_jinhua_total_trade", "share_of_jinhua_total_trade", "Share of Jinhua's total trade", "占金华进出口比重", "share_percent", "trade", "Jinhua",
     "The entity's total trade as a share of Jinhua's."),
    ("exports_to_africa", "exports_to_africa", "Exports to Africa", "对非洲出口", "billion_yuan", "trade_by_destination", None, "Exports with destination Africa."),
    ("exports_to_united_states", "exports_to_united_states", "Exports to the United States", "对美国出口", "billion_yuan", "trade_by_destination", None, "Exports with destination the United States."),
    ("exports_to_european_union", "exports_to_european_union", "Exports to the European Union", "对欧盟出口", "billion_yuan", "trade_by_destination", None, "Exports with destination the European Union."),
    ("exports_to_latin_america", "exports_to_latin_america", "Exports to Latin America", "对拉丁美洲出口", "billion_yuan", "trade_by_destination", None, "Exports with destination Latin America."),
    ("exports_to_asean", "exports_to_asean", "Exports to ASEAN", "对东盟出口", "billion_yuan", "trade_by_destination", None, "Exports with destination the ASEAN countries."),
    ("trade_with_africa", "trade_with_africa", "Trade with Africa", "对非洲进出口", "billion_yuan", "trade_by_destination", None, "Imports plus exports with Africa."),
    ("share_of_zhejiang_exports_to_africa", "share_of_zhejiang_exports_to_africa", "Share of Zhejiang's exports to Africa", "占全省对非出口比重", "share_percent", "trade_by_destination", "Zhejiang",
     "The entity's exports to Africa as a share of Zhejiang's exports to Africa."),
    ("exports_mechanical_electrical", "exports_mechanical_electrical", "Exports of mechanical and electrical products", "机电产品出口", "billion_yuan", "trade_by_product", None,
     "Exports of the customs product group 'mechanical and electrical products'."),
    ("exports_labour_intensive", "exports_labour_intensive", "Exports of labour-intensive products", "劳动密集型产品出口", "billion_yuan", "trade_by_product", None,
     "Exports of the customs product group 'labour-intensive products'."),
    ("exports_market_procurement", "exports_market_procurement", "Exports by market procurement", "市场采购贸易出口", "billion_yuan", "trade_by_product", None,
     "Exports under the market-procurement trade mode (市场采购), Yiwu's wholesale-market export channel."),
    ("share_of_exports_mechanical_electrical", "share_of_exports_mechanical_electrical", "Mechanical and electrical products, share of exports", "机电产品占出口比重", "share_percent", "trade_by_product", "the entity's exports",
     "Mechanical and electrical products as a share of the entity's exports."),
    ("share_of_exports_market_procurement", "share_of_exports_market_procurement", "Market procurement, share of exports", "市场采购占出口比重", "share_percent", "trade_by_product", "the entity's exports",
     "Market-procurement exports as a share of the entity's exports."),
    ("imports_agricultural_products", "imports_agricultural_products", "Imports of agricultural products", "农产品进口", "billion_yuan", "trade_by_product", None, "Imports of agricultural products."),
    ("small_commodity_exports_usd", "small_commodity_exports_usd", "Exports of small commodities (US dollars)", "小商品出口(美元)", "billion_usd", "trade_by_product", None,
     "Exports of small commodities per Yiwu customs; narrower than total exports."),
    ("national_share_small_commodity_exports", "national_share_small_commodity_exports", "Share of China's small-commodity exports", "占全国小商品出口份额", "share_percent", "trade_by_product", "China",
     "Read literally from the source: share of China's small-commodity exports."),
    ("christmas_goods_exports", "christmas_goods_exports", "Exports of Christmas goods", "圣诞用品出口", "billion_yuan", "trade_by_product", None, "Customs-declared exports of Christmas goods."),
    ("christmas_goods_exports_usd", "christmas_goods_exports_usd", "Exports of Christmas goods (US dollars)", "圣诞用品出口(美元)", "billion_usd", "trade_by_product", None, "Exports of Christmas goods as stated in US dollars."),
    ("cross_border_ecommerce", "cross_border_ecommerce", "Cross-border e-commerce", "跨境电商进出口", "billion_yuan", "ecommerce", None,
     "Cross-border e-commerce trade (imports and exports); scopes differ between customs and commerce-department statistics, see each figure's note."),
    ("cross_border_ecommerce_exports", "cross_border_ecommerce_exports", "Cross-border e-commerce exports", "跨境电商出口", "billion_yuan", "ecommerce", None, "Exports through cross-border e-commerce."),
    ("cross_border_ecommerce_imports", "cross_border_ecommerce_imports", "Cross-border e-commerce imports", "跨境电商进口", "billion_yuan", "ecommerce", None, "Imports through cross-border e-commerce."),
    ("cross_border_ecommerce_retail", "cross_border_ecommerce_retail", "Cross-border e-commerce, retail (B2C)", "跨境电商零售", "billion_yuan", "ecommerce", None, "Retail (business-to-consumer) cross-border e-commerce only."),
    ("cross_border_ecommerce_retail_exports", "cross_border_ecommerce_retail_exports", "Cross-border e-commerce retail exports", "跨境电商零售出口", "billion_yuan", "ecommerce", None, "Retail (B2C) cross-border e-commerce exports."),
    ("cross_border_ecommerce_retail_imports", "cross_border_ecommerce_retail_imports", "Cross-border e-commerce retail imports", "跨境电商零售进口", "billion_yuan", "ecommerce", None, "Retail (B2C) cross-border e-commerce imports."),
    ("cross_border_ecommerce_bonded_imports", "cross_border_ecommerce_bonded_imports", "Cross-border e-commerce bonded imports", "跨境电商网购保税进口", "billion_yuan", "ecommerce", None, "Bonded-import (网购保税进口) scope only."),
    ("cross_border_ecommerce_yoy_growth", "cross_border_ecommerce_yoy_growth", "Cross-border e-commerce, growth on previous year", "跨境电商同比增长", "percent_change", "ecommerce", None, "Year-on-year growth as reported."),
    ("cross_border_ecommerce_import_orders", "cross_border_ecommerce_import_orders", "Cross-border e-commerce import orders", "跨境电商进口订单", "count", "ecommerce", None, "Import orders (declaration lists) in a year."),
    ("cross_border_ecommerce_bonded_import_orders", "cross_border_ecommerce_bonded_import_orders", "Cross-border e-commerce bonded-import declaration lists", "跨境电商网购保税进口清单", "count", "ecommerce", None,
     "Bonded-import declaration lists supervised by customs; roughly one per consumer order."),
    ("cross_border_ecommerce_firms", "cross_border_ecommerce_firms", "Cross-border e-commerce firms", "跨境电商企业", "count", "ecommerce", None, "Active cross-border e-commerce enterprises."),
    ("cross_border_ecommerce_active_online_shops", "cross_border_ecommerce_active_online_shops", "Active cross-border online stores", "活跃跨境电商网店", "count", "ecommerce", None,
     "Online stores active on mainstream cross-border e-commerce platforms."),
    ("cross_border_ecommerce_online_shops", "cross_border_ecommerce_online_shops", "Cross-border online shops", "跨境电商网店", "count", "ecommerce", None, "Cross-border e-commerce online shops (commerce-department index report)."),
    ("new_export_online_shops", "new_export_online_shops", "New export-oriented online shops", "新增出口型网店", "count", "ecommerce", None, "Export-oriented online shops added during the year."),
    ("share_of_zhejiang_cross_border_online_retail_exports", "share_of_zhejiang_cross_border_online_retail_exports", "Share of Zhejiang's cross-border online retail exports", "占全省跨境网络零售出口比重", "share_percent", "ecommerce", "Zhejiang",
     "The entity's cross-border online retail exports as a share of Zhejiang's."),
    ("online_retail_sales", "online_retail_sales", "Online retail sales", "网络零售额", "billion_yuan", "ecommerce", None, "All online retail (domestic and cross-border), not cross-border only."),
    ("ecommerce_sales", "ecommerce_sales", "E-commerce sales", "电子商务交易额", "billion_yuan", "ecommerce", None, "All e-commerce (mostly domestic), not cross-border only."),
    ("ecommerce_transactions", "ecommerce_transactions", "E-commerce transactions", "电子商务交易额", "billion_yuan", "ecommerce", None, "All e-commerce transactions (domestic and cross-border)."),
    ("cross_border_ecommerce_parcels", "cross_border_ecommerce_parcels", "Cross-border e-commerce, mail and express shipments", "跨境电商及邮快件", "count", "ecommerce", None,
     "Customs-supervised cross-border e-commerce plus cross-border mail and express shipments."),
    ("national_share_security_doors", "national_share_security_doors", "Share of China's security doors", "占全国防盗门份额", "share_percent", "industry_share", "China",
     "Share of China's security-door (防盗门) production."),
    ("national_share_burglarproof_doors", "national_share_burglarproof_doors", "Share of China's burglar-proof doors", "占全国防盗门份额", "share_percent", "industry_share", "China",
     "'Two out of every three burglarproof doors in China', city-wide (Jinhua)."),
    ("national_share_doors_production", "national_share_doors_production", "Share of China's door production", "占全国门产品产量份额", "share_percent", "industry_share", "China", "All door products, production volume."),
    ("national_share_doors_exports", "national_share_doors_exports", "Share of China's door exports", "占全国门产品出口份额", "share_percent", "industry_share", "China", "All door products, export volume."),
    ("national_share_insulated_cups", "national_share_insulated_cups", "Share of China's insulated cups", "占全国保温杯份额", "share_percent", "industry_share", "China",
     "Share of China's insulated cups, as stated by China Daily (2026-02-14)."),
    ("national_share_insulated_cups_market", "national_share_insulated_cups_market", "Share of China's insulated-cup market (industry claims)", "占全国保温杯市场份额(行业说法)", "share_percent", "industry_share", "China",
     "'80 %' claims from a manufacturer blog and an undated repost: a different, unverified basis from the China Daily figure; kept apart from it."),
    ("national_share_insulated_cups_production_exports", "national_share_insulated_cups_production_exports", "Share of China's thermal-cup production and exports", "占全国保温杯产销份额", "share_percent", "industry_share", "China",
     "'The city produces and exports over 70 percent of China's thermal cups' (Global Times)."),
    ("national_share_cups_all_types", "national_share_cups_all_types", "Share of China's cups (all types)", "占全国杯类产品份额", "share_percent", "industry_share", "China", "All cup products, not only insulated cups."),
    ("global_share_insulated_cups", "global_share_insulated_cups", "Share of world insulated tumblers", "占全球保温杯份额", "share_percent", "industry_share", "the world", "'One out of every three insulated tumblers globally'."),
    ("national_share_leisure_sports_vehicles", "national_share_leisure_sports_vehicles", "Share of China's leisure sports vehicles", "占全国休闲运动车份额", "share_percent", "industry_share", "China", "Leisure sports vehicles."),
    ("global_share_spring_festival_pictures_couplets", "global_share_spring_festival_pictures_couplets", "Share of the world market for Spring Festival pictures and couplets", "占全球年画春联市场份额", "share_percent", "industry_share", "the world",
     "'More than 80 percent of the global market'."),
    ("global_share_christmas_goods", "global_share_christmas_goods", "Share of the world's Christmas goods (press estimates)", "占全球圣诞用品份额(媒体估计)", "share_percent", "industry_share", "the world",
     "Around 60 %, as estimated by Xinhua, Der Spiegel, CGTN and China Daily in 2015-2018."),
    ("global_share_christmas_goods_commerce_bureau", "global_share_christmas_goods_commerce_bureau", "Share of the world's Christmas goods (Yiwu commerce bureau)", "占全球圣诞用品份额(义乌商务局)", "share_percent", "industry_share", "the world",
     "80 % 'according to statistics from the city's commerce bureau' (2022): a different basis from the press estimates of about 60 %."),
    ("global_share_christmas_decorations", "global_share_christmas_decorations", "Share of the world's Christmas decorations", "占全球圣诞装饰品份额", "share_percent", "industry_share", "the world", "From a copy of a Wikipedia article (low trust)."),
    ("share_of_china_christmas_exports", "share_of_china_christmas_exports", "Share of China's Christmas-goods exports", "占全国圣诞用品出口份额", "share_percent", "industry_share", "China", "Share of China's Christmas-product exports (not of world output)."),
    ("share_of_china_christmas_products", "share_of_china_christmas_products", "Share of China's Christmas products", "占全国圣诞用品份额", "share_percent", "industry_share", "China", "Share of China's Christmas products."),
    ("export_share_festival_hanging_decorations", "export_share_festival_hanging_decorations", "Festival hanging decorations sold abroad", "节庆挂饰出口比例", "share_percent", "industry_share", "the entity's output",
     "Share of the city's hanging (Spring Festival) decorations that go to overseas markets."),
    ("gdp", "gdp", "Gross domestic product", "地区生产总值", "billion_yuan", "economy", None, "GDP in current yuan."),
    ("gdp_share_primary", "gdp_share_primary", "Primary industry, share of GDP", "第一产业占GDP比重", "share_percent", "economy", "GDP", "Agriculture, forestry, fishing."),
    ("gdp_share_secondary", "gdp_share_secondary", "Secondary industry, share of GDP", "第二产业占GDP比重", "share_percent", "economy", "GDP", "Industry and construction."),
    ("gdp_share_tertiary", "gdp_share_tertiary", "Tertiary industry, share of GDP", "第三产业占GDP比重", "share_percent", "economy", "GDP", "Services."),
    ("gdp_value_added_secondary", "gdp_value_added_secondary", "Secondary industry value added", "第二产业增加值", "billion_yuan", "economy", None, "Value added of industry and construction."),
    ("industrial_value_added", "industrial_value_added", "Industrial value added", "工业增加值", "billion_yuan", "economy", None, "Value added of industry."),
    ("industrial_sales_output_above_scale", "industrial_sales_output_above_scale", "Industrial sales output (above designated size)", "规模以上工业销售产值", "billion_yuan", "economy", None,
     "Sales output value of industrial firms above the designated size."),
    ("industrial_categories_covered", "industrial_categories_covered", "Industrial categories present (of China's 41)", "覆盖工业门类数(全国41个)", "count", "economy", None, "Number of China's 41 industrial categories present in the city."),
    ("industrial_clusters_over_10bn_output", "industrial_clusters_over_10bn_output", "Industrial clusters with output over 10 billion yuan", "百亿级产业集群", "count", "economy", None, "Industrial clusters with annual output over 10 billion yuan."),
    ("hardware_industry_output", "hardware_industry_output", "Hardware industry, overall scale", "五金产业总体规模", "billion_yuan", "economy", None, "'Overall scale' (总体规模) of the hardware industry; output vs sales not specified."),
    ("cookware_output_value", "cookware_output_value", "Cookware output value", "炊具总产值", "billion_yuan", "economy", None, "Output value of the cookware industry."),
    ("cookware_exports_usd", "cookware_exports_usd", "Cookware exports (US dollars)", "炊具出口额(美元)", "billion_usd", "trade_by_product", None, "Exports of cookware as stated in US dollars."),
    ("insulated_cups_output_value", "insulated_cups_output_value", "Insulated-cup output value", "保温杯年产值", "billion_yuan", "economy", None, "Annual output value of insulated cups."),
    ("insulated_cups_annual_output", "insulated_cups_annual_output", "Insulated cups produced", "保温杯年产量", "count", "economy", None, "Insulated cups produced in a year (units)."),
    ("thermal_cup_enterprises", "thermal_cup_enterprises", "Thermal-cup enterprises", "保温杯企业", "count", "economy", None, "Enterprises in the thermal-cup industrial and supply chains."),
    ("door_manufacturers", "door_manufacturers", "Door manufacturers", "门业生产企业", "count", "economy", None, "Door-product manufacturers."),
    ("market_booths", "market_booths", "Market booths", "市场商位", "count", "market", None, "Booths in the Yiwu International Trade Market."),
    ("market_goods_types", "market_goods_types", "Types of goods on offer", "商品种类", "count", "market", None, "Types of goods offered in the Yiwu International Trade Market."),
    ("market_countries_supplied", "market_countries_supplied", "Countries and regions supplied", "辐射国家和地区", "count", "market", None, "Countries and regions the market supplies."),
    ("market_turnover_all_markets", "market_turnover_all_markets", "Turnover of all Yiwu markets", "集贸市场总成交额", "billion_yuan", "market", None, "Turnover of all Yiwu markets (集贸市场)."),
    ("market_turnover_china_commodity_city", "market_turnover_china_commodity_city", "Turnover of China Commodity City", "中国小商品城成交额", "billion_yuan", "market", None, "Turnover of China Commodity City (中国小商品城)."),
    ("market_turnover_international_trade_mart", "market_turnover_international_trade_mart", "Turnover of the International Trade Mart", "国际商贸城成交额", "billion_yuan", "market", None,
     "Turnover of the International Trade Mart; may not match the China Commodity City series."),
    ("socks_sold_annual", "socks_sold_annual", "Socks sold a year", "年销售袜子", "pairs", "market", None, "Pairs of socks sold per year, relayed from Der Spiegel."),
    ("express_parcels", "express_parcels", "Express parcels handled", "快递业务量", "count", "logistics", None, "Express parcels processed in the city."),
    ("cross_border_express_parcels", "cross_border_express_parcels", "Express parcels sent abroad", "国际及港澳台快递", "count", "logistics", None,
     "Express parcels sent abroad or to Hong Kong, Macao and Taiwan; a proxy for cross-border e-commerce parcels."),
    ("cross_border_parcels", "cross_border_parcels", "Cross-border parcels", "跨境包裹", "count", "logistics", None, "Cross-border parcel shipments handled by customs."),
    ("yixinou_trains", "yixinou_trains", "Yixin'ou freight trains (scope unclear)", "义新欧班列开行(口径不明)", "count", "logistics", None,
     "Yixin'ou (Yiwu-Xinjiang-Europe) train trips as stated in Yiwu's 2023 work report; scope not stated. Not comparable with the other train series."),
    ("yixinou_trains_yiwu_plus_jinhua", "yixinou_trains_yiwu_plus_jinhua", "China-Europe freight trains, Yiwu and Jinhua platforms", "中欧班列开行(义乌+金华平台)", "count", "logistics", None,
     "Train trips of the Yiwu and Jinhua China-Europe platforms together."),
    ("yixinou_teu", "yixinou_teu", "Yixin'ou containers", "义新欧标箱", "TEU", "logistics", None, "Containers (twenty-foot equivalent units) carried under customs supervision."),
    ("china_europe_trains_yiwu_platform", "china_europe_trains_yiwu_platform", "China-Europe freight trains, Yiwu platform", "中欧班列开行(义乌平台)", "count", "logistics", None,
     "Train trips of the Yiwu platform in both directions: the platform's total (2020) and the count with return trains (2024). Outbound trains alone are a series of their own."),
    ("china_europe_trains_yiwu_outbound", "china_europe_trains_yiwu_outbound", "China-Europe freight trains to Europe, Yiwu (outbound only)", "中欧班列去程开行(义乌)", "count", "logistics", None,
     "Trains sent from Yiwu to Europe, without return trains; not comparable with the platform's counts of both directions."),
    ("china_europe_trains_jinhua_platform", "china_europe_trains_jinhua_platform", "China-Europe freight trains, Jinhua platform", "中欧班列开行(金华平台)", "count", "logistics", None, "Train trips of the Jinhua platform."),
]

ENTITIES = {
    "China": dict(id="china", name="China", name_zh="中国", kind="country"),
    "Zhejiang": dict(id="zhejiang", name="Zhejiang", name_zh="浙江", kind="province", parent="china"),
    "Jinhua": dict(id="jinhua", name="Jinhua", name_zh="金华", kind="prefecture-level city", parent="zhejiang"),
    "Yiwu": dict(id="yiwu", name="Yiwu", name_zh="义乌", kind="county-level city", parent="jinhua"),
    "Yongkang": dict(id="yongkang", name="Yongkang", name_zh="永康", kind="county-level city", parent="jinhua"),
    # Jinhua's other county-level divisions (two districts, five county-level cities and counties
    # with Yiwu and Yongkang).
    "Wucheng": dict(id="wucheng", name="Wucheng", name_zh="婺城区", kind="district", parent="jinhua"),
    "Jindong": dict(id="jindong", name="Jindong", name_zh="金东区", kind="district", parent="jinhua"),
    "Lanxi": dict(id="lanxi", name="Lanxi", name_zh="兰溪市", kind="county-level city", parent="jinhua"),
    "Dongyang": dict(id="dongyang", name="Dongyang", name_zh="东阳市", kind="county-level city", parent="jinhua"),
    "Wuyi": dict(id="wuyi", name="Wuyi", name_zh="武义县", kind="county", parent="jinhua"),
    "Pujiang": dict(id="pujiang", name="Pujiang", name_zh="浦江县", kind="county", parent="jinhua"),
    "Panan": dict(id="panan", name="Pan'an", name_zh="磐安县", kind="county", parent="jinhua"),
    # A development area that overlaps Jindong district: no parent, so that sums and shares of
    # Jinhua never count it twice.
    "Jinyi New Area": dict(id="jinyi_new_area", name="Jinyi New Area", name_zh="金义新区", kind="development area (overlaps Jindong)"),
}

# Parts of a whole (categories of its metric): by destination, kind of goods and trade mode.
# Belt and Road countries overlap the regions (India has not joined); high-tech products overlap
# mechanical and electrical ones. Parts that overlap are never stacked or summed.
CATEGORIES = [
    dict(id="africa", name="Africa", name_zh="非洲", dimension="destination"),
    dict(id="latin_america", name="Latin America", name_zh="拉丁美洲", dimension="destination"),
    dict(id="asean", name="ASEAN", name_zh="东盟", dimension="destination"),
    dict(id="european_union", name="European Union", name_zh="欧盟", dimension="destination"),
    dict(id="united_states", name="United States", name_zh="美国", dimension="destination"),
    dict(id="india", name="India", name_zh="印度", dimension="destination"),
    dict(id="belt_and_road", name="Belt and Road countries", name_zh="共建“一带一路”国家", dimension="destination",
         overlaps=["africa", "latin_america", "asean", "european_union"]),
    dict(id="mechanical_electrical", name="Mechanical and electrical products", name_zh="机电产品", dimension="goods"),
    dict(id="labour_intensive", name="Labour-intensive products", name_zh="劳动密集型产品", dimension="goods"),
    dict(id="high_tech", name="High-tech products", name_zh="高新技术产品", dimension="goods", overlaps=["mechanical_electrical"]),
    dict(id="agricultural_products", name="Agricultural products", name_zh="农产品", dimension="goods"),
    dict(id="market_procurement", name="Market procurement", name_zh="市场采购", dimension="trade_mode"),
    dict(id="general_trade", name="General trade", name_zh="一般贸易", dimension="trade_mode"),
]

# Metrics of the survey that are parts of another metric: (the whole, the part).
AS_PARTS = {
    "exports_to_africa": ("exports", "africa"),
    "exports_to_united_states": ("exports", "united_states"),
    "exports_to_european_union": ("exports", "european_union"),
    "exports_to_latin_america": ("exports", "latin_america"),
    "exports_to_asean": ("exports", "asean"),
    "trade_with_africa": ("total_trade", "africa"),
    "exports_mechanical_electrical": ("exports", "mechanical_electrical"),
    "exports_labour_intensive": ("exports", "labour_intensive"),
    "exports_market_procurement": ("exports", "market_procurement"),
    "imports_agricultural_products": ("imports", "agricultural_products"),
}

# Figures collected after the survey, in its shape (plus `publisher`, `published`, and where they
# apply `category` and `date`); see docs/data-coverage.md for how they were found.
COLLECTED = "scripts/collected_facts.json"

# Record indexes whose metric or entity the curation changes, with the reason kept in the note.
RECLASSIFY = {
    110: ("Jinhua", "yixinou_trains_yiwu_plus_jinhua",
          "Curation: the survey filed this under Yiwu 'yixinou_trains'; its own arithmetic (1399 x 1.361 = 1904) puts it in the same scope as the 2020 Yiwu + Jinhua platform total, so it is charted with that series."),
    208: (None, "national_share_insulated_cups_market", "Curation: kept apart from China Daily's 60 % (different, unverified basis)."),
    213: (None, "national_share_insulated_cups_market", "Curation: kept apart from China Daily's 60 % (different, unverified basis)."),
    101: (None, "global_share_christmas_goods_commerce_bureau", "Curation: a commerce-bureau statistic, kept apart from the press estimates of about 60 %."),
    275: (None, "china_europe_trains_yiwu_outbound",
          "Curation: outbound trains only, so kept apart from the Yiwu platform's counts of both directions (974 in 2020, 1,300 in 2024); the 2020 count's stated growth (+90.2 %) does not fit 528."),
}

# Publishers whose accounts publish without an editor: their figures are low trust (the scale of
# docs/dataset-format.md: "low (unverified, self-published)"), whatever the survey rated them.
SELF_PUBLISHED = ("NetEase self-media",)

# Figures the survey records as reported although the source states them in words: the number is
# computed from the words, so it is derived, with this formula and no input (its quote states it).
FROM_WORDS = {
    205: "'one out of every three' = 1 / 3 = 33.3 %",
    261: "'nearly two-thirds' = 2 / 3 = 66.7 % (an upper bound: 'nearly')",
}

# Figures of the China Daily article of 2026-02-14 (shared/data/source-article.txt) that the survey
# cites to other pages only. Appended to the survey under the keys given here.
ARTICLE = "http://www.ezhejiang.gov.cn/jinhua/2026-02/14/c_1161147.htm"
ARTICLE_TITLE = "Inland city makes mark as global biz hub (China Daily, 2026-02-14, on ezhejiang.gov.cn)"
ADDED = {
    "article-import-orders": dict(
        entity="Yiwu", metric="cross_border_ecommerce_import_orders", year=2025, period="full_year", value=100000000,
        unit="count", source_title=ARTICLE_TITLE, source_url=ARTICLE, derived=False, source_trust="high",
        quote="By December, the city had handled more than 100 million cross-border e-commerce import orders in a "
              "single year, the first county-level city in China to reach that scale.",
        note="'more than 100 million' (a lower bound)."),
    "article-couplets": dict(
        entity="Yiwu", metric="global_share_spring_festival_pictures_couplets", year=2025, period="full_year", value=80,
        unit="percent", source_title=ARTICLE_TITLE, source_url=ARTICLE, derived=False, source_trust="high",
        quote="Yiwu supplies more than 80 percent of the global market for Spring Festival pictures and couplets, "
              "giving it significant influence over a seasonal but widely-distributed niche.",
        note="'more than 80 percent' (a lower bound)."),
}

# Derived figures whose survey formula used a figure that is not the one shown for its cell (the
# self-published 1,050.86 for Jinhua's 2025 total, which yields to China Daily's 1.05 trillion):
# recomputed from the figures shown, as (value, formula). The survey's figure stays an alternative.
RECOMPUTED = {
    5: (128.7, "total_trade 2025 - exports 2025 = 1050 - 921.3 = 128.7 (the total, '1.05 trillion', is rounded "
               "to 10 billion yuan, so imports lie between 123.7 and 133.7)"),
    151: (18.9, "Jinhua total_trade 2025 / Zhejiang total_trade 2025 = 1050 / 5550 = 18.9 %"),
    153: (79.7, "Yiwu total_trade 2025 / Jinhua total_trade 2025 = 836.5 / 1050 = 79.7 % (the Jinhua total is "
                "rounded to 10 billion yuan: between 79.3 and 80.0 %)"),
}

# Left out of the bundled dataset, with the reason (reported in the closing note of issue 2).
LEFT_OUT = {
    204: "a forecast made in July 2021 ('预计全年将超千亿元'), not an outturn",
    249: "a policy target for 2023, not an outturn",
}

# Cells where no general rule picks a winner: index of the winner, and why.
TIE_BREAKS = {
    33: "Chosen over 8788.32 (same account, same period, same trust): 9658.01 fits the full-year 10508.6, 8788.32 does not.",
    "article-couplets": "The China Daily article this dataset starts from; the LINE Today page is a copy of Xinhua's version of it.",
    60: "Two press conversions of the same yuan figure (119.37 Xinhua/Italpress, 121.97 People's Daily); neither is official. The earlier one is shown, the other kept as an alternative.",
    219: "The final verified figure (2023 statistical bulletin) is shown; the preliminary figure of the 2023 work report is kept as an alternative.",
}

# Single-month figures are stored with a month date instead of a year and a period.
MONTHLY = {201: "2024-01", 202: "2024-01", 255: "2020-04"}

# Inputs of derived figures, as (survey entity, dataset metric, year, period).
DERIVED_INPUTS = {
    5: [("Jinhua", "total_trade", 2025), ("Jinhua", "exports", 2025)],
    10: [("Jinhua", "exports", 2025), ("Jinhua", "exports_yoy_growth", 2025)],
    11: [("Jinhua", "total_trade", 2024), ("Jinhua", "exports", 2024)],
    13: [("Jinhua", "total_trade", 2024), ("Jinhua", "total_trade_yoy_growth", 2024)],
    14: [("Jinhua", "exports", 2024), ("Jinhua", "exports_yoy_growth", 2024)],
    16: [("Jinhua", "total_trade", 2021), ("Jinhua", "total_trade_yoy_growth", 2022)],
    28: [("Jinhua", "total_trade", 2021), ("Jinhua", "total_trade_yoy_growth", 2021)],
    29: [("Jinhua", "exports", 2021), ("Jinhua", "exports_yoy_growth", 2021)],
    30: [("Jinhua", "imports", 2021), ("Jinhua", "imports_yoy_growth", 2021)],
    53: [],
    59: [("Yiwu", "total_trade", 2025), ("Yiwu", "imports", 2025)],
    65: [("Yiwu", "exports", 2025), ("Yiwu", "exports_yoy_growth", 2025)],
    66: [("Yiwu", "imports", 2025), ("Yiwu", "imports_yoy_growth", 2025)],
    71: [("Yiwu", "total_trade", 2023), ("Yiwu", "exports", 2023)],
    72: [("Yiwu", "total_trade", 2023), ("Yiwu", "total_trade_yoy_growth", 2023)],
    77: [("Yiwu", "total_trade", 2021), ("Yiwu", "total_trade_yoy_growth", 2021)],
    81: [("Yiwu", "total_trade", 2019), ("Yiwu", "exports", 2019)],
    85: [("Yiwu", "total_trade", 2014), ("Yiwu", "exports", 2014)],
    129: [("Zhejiang", "total_trade", 2025), ("Zhejiang", "exports", 2025)],
    151: [("Jinhua", "total_trade", 2025), ("Zhejiang", "total_trade", 2025)],
    152: [("Jinhua", "total_trade", 2021), ("Zhejiang", "total_trade", 2021)],
    153: [("Yiwu", "total_trade", 2025), ("Jinhua", "total_trade", 2025)],
    154: [("Yiwu", "total_trade", 2024), ("Jinhua", "total_trade", 2024)],
    155: [("Yiwu", "total_trade", 2021), ("Jinhua", "total_trade", 2021)],
    159: [("Zhejiang", "cross_border_ecommerce_active_online_shops", 2019)],
    247: [("Zhejiang", "cross_border_ecommerce", 2022)],
    248: [("Zhejiang", "cross_border_ecommerce_exports", 2022)],
}

# Formula text for derived figures, rewritten from the survey notes in billion yuan where the
# survey wrote 100 million yuan, so that the formula reads in the dataset's own unit.
FORMULAS = {
    5: "total_trade 2025 - exports 2025 = 1050.86 - 921.3 = 129.56 (mixes two sources: NetEase total, China Daily exports)",
    10: "exports 2025 / (1 + exports growth 2025) = 921.3 / 1.194 = 771.6",
    11: "total_trade 2024 - exports 2024 = 879.49 - 771.92 = 107.57",
    13: "total_trade 2024 / (1 + growth 2024) = 879.49 / 1.143 = 769.46 (the 2024 base may have been revised: approximate)",
    14: "exports 2024 / (1 + exports growth 2024) = 771.92 / 1.164 = 663.16 (approximate: revised-base caveat)",
    16: "total_trade 2021 x (1 + growth 2022) = 588.0 x 1.163 = 683.8 (approximate)",
    28: "total_trade 2021 / (1 + growth 2021) = 588.0 / 1.208 = 486.8",
    29: "exports 2021 / (1 + exports growth 2021) = 532.63 / 1.155 = 461.2",
    30: "imports 2021 / (1 + imports growth 2021) = 55.37 / 2.169 = 25.5",
    53: "'two out of every three' = 2 / 3 = 66.7 %",
    59: "total_trade 2025 - imports 2025 = 836.5 - 105.8 = 730.7",
    65: "exports 2025 / (1 + exports growth 2025) = 730.7 / 1.241 = 588.8 (built on the derived 2025 exports)",
    66: "imports 2025 / (1 + imports growth 2025) = 105.8 / 1.323 = 80.0",
    71: "total_trade 2023 - exports 2023 = 566.05 - 500.57 = 65.48",
    72: "total_trade 2023 / (1 + growth 2023) = 566.05 / 1.182 = 478.9",
    77: "total_trade 2021 / (1 + growth 2021) = 390.305 / 1.247 = 313.0",
    81: "total_trade 2019 - exports 2019 = 296.78 - 286.79 = 9.99",
    85: "total_trade 2014 - exports 2014 = 148.6 - 145.64 = 2.96",
    129: "total_trade 2025 - exports 2025 = 5550 - 4180 = 1370",
    151: "Jinhua total_trade 2025 / Zhejiang total_trade 2025 = 1050.86 / 5550 = 18.9 %",
    152: "Jinhua total_trade 2021 / Zhejiang total_trade 2021 = 588.0 / 4140 = 14.2 %",
    153: "Yiwu total_trade 2025 / Jinhua total_trade 2025 = 836.5 / 1050.86 = 79.6 %",
    154: "Yiwu total_trade 2024 / Jinhua total_trade 2024 = 668.93 / 879.49 = 76.1 %",
    155: "Yiwu total_trade 2021 / Jinhua total_trade 2021 = 390.305 / 588.0 = 66.4 %",
    159: "active stores 2019 - stated increase = 97,000 - 15,000 = 82,000 (approximate)",
    247: "cross-border e-commerce 2022 / (1 + stated growth 18.7 %) = 422.28 / 1.187 = 355.75",
    248: "cross-border e-commerce exports 2022 / (1 + stated growth 23.7 %) = 291.13 / 1.237 = 235.35",
}

# Sources: survey URL -> (publisher, published date as the title or URL states it, or None).
PUBLISHERS = {
    "ezhejiang.gov.cn/jinhua/2026-02/14": ("China Daily", "2026-02-14"),
    "m.163.com": ("NetEase self-media (城市进化论)", None),
    "epaper.jhnews.com.cn": ("金华日报 (Jinhua Daily)", "2025-01-27"),
    "daily.cnnb.com.cn": ("宁波晚报 (Ningbo Evening News)", "2023-02-01"),
    "ezhejiang.gov.cn/jinhua/2022-01/24": ("China Daily", "2022-01-24"),
    "rsa-tax.com": ("RSA consultancy blog", None),
    "zhejiang.chinadaily.com.cn/2022-09/15": ("China Daily Zhejiang", "2022-09-15"),
    "digipub.cc/dy/article/KIRAJSTG": ("NetEase self-media (repost)", None),
    "digipub.cc/dy/article/KIE7I6NA": ("NetEase self-media (repost)", None),
    "prnewswire.com": ("PR Newswire / Information Office of Jinhua City", "2024-04-12"),
    "ezhejiang.gov.cn/jinhua/BeltAndRoad": ("ezhejiang.gov.cn", None),
    "ezhejiang.gov.cn/jinhua/2024-09/05": ("ezhejiang.gov.cn", "2024-09-05"),
    "english.jinhua.gov.cn/art/2022/11/24": ("Jinhua municipal government (english.jinhua.gov.cn)", "2022-11-24"),
    "ezhejiang.gov.cn/jinhua/2021-07/15": ("ezhejiang.gov.cn", "2021-07-15"),
    "globaltimes.cn/page/202601": ("Global Times", "2026-01-20"),
    "italpress.com": ("Xinhua / Italpress", "2026-01-18"),
    "en.people.cn/n3/2026": ("Xinhua via People's Daily Online", "2026-02-28"),
    "senqingzn.com": ("NetEase self-media (mirror)", None),
    "hk01.com": ("HK01", None),
    "ezhejiang.gov.cn/2024-02/05": ("China Daily", "2024-02-05"),
    "en.people.cn/n3/2023": ("People's Daily Online", "2023-01-06"),
    "yiwuzhejiang.chinadaily.com.cn/2022-06/09": ("China Daily Yiwu channel", "2022-06-09"),
    "german.xinhuanet.com": ("Xinhua (German service)", "2021-01-15"),
    "dushu.com": ("读书网 dushu.com (essay repost)", None),
    "m.ynhybx.com": ("Xinhua (mirror)", "2018-01-06"),
    "global.chinadaily.com.cn": ("China Daily", "2015-03-28"),
    "eworksglobal.com": ("Xinhua (copy on eworksglobal.com)", None),
    "readfree.net": ("中国新闻网 (China News Service), forum repost", "2007-04-29"),
    "ezhejiang.gov.cn/jinhua/2022-11/09": ("China Daily", "2022-11-09"),
    "tdminews.com": ("tdminews.com, citing Global Times", "2025-12"),
    "chinadaily.com.cn/a/202510": ("Xinhua via chinadaily.com.cn", "2025-10-30"),
    "today.line.me": ("Xinhua (LINE Today copy)", "2026-01-29"),
    "chinadailybrief.com": ("chinadailybrief.com", None),
    "piglix.com": ("piglix.com (copy of Wikipedia)", None),
    "xbque.com": ("金华日报 (Jinhua Daily), repost", "2016-02"),
    "nakedoat.com": ("Xinhua via gov.cn (mirror)", "2010-01-06"),
    "china.org.cn/business/2012-09/19": ("china.org.cn", "2012-09-19"),
    "sputniknews.cn": ("Sputnik Chinese, citing the General Administration of Customs", "2022-01-24"),
    "475mrv.cn": ("475mrv.cn (repost)", "2021-01-03"),
    "japanese.china.org.cn": ("China.org.cn (Japanese edition)", "2025-01-02"),
    "english.jinhua.gov.cn/ln/202002": ("Jinhua municipal government (english.jinhua.gov.cn)", "2020-02-03"),
    "zhejiang.chinadaily.com.cn/eyiwu/2022-01/21": ("China Daily Zhejiang", "2022-01-21"),
    "chaxiaohao.com/read-1750877704": ("chaxiaohao.com (Q&A aggregator)", "2025-06-26"),
    "news.cri.cn": ("国际在线 (China Radio International)", "2023-12-28"),
    "m.zisha.com": ("zisha.com", "2010-10-18"),
    "m.shushuxiu.com": ("China News Service (mirror)", "2026-01-21"),
    "chaxiaohao.com/read-1751038200": ("chaxiaohao.com (Q&A aggregator)", "2025-06-27"),
    "laziotv.it": ("Xinhua (Italian service) via laziotv.it", None),
    "epaper.zjgrrb.com": ("浙江工人日报 (Zhejiang Workers' Daily)", "2022-01-20"),
    "english.jinhua.gov.cn/art/2021/3/11": ("Jinhua municipal government (english.jinhua.gov.cn)", "2021-03-11"),
    "guicaiba.com": ("钱江晚报 (Qianjiang Evening News), repost", None),
    "russian.dbw.cn": ("Xinhua (Russian service)", "2014-01-15"),
    "zhejiang.chinadaily.com.cn/2020-05/07": ("China Daily Zhejiang", "2020-05-07"),
    "xd56b.com": ("xd56b.com (repost), citing Zhejiang Department of Commerce", "2023-06"),
    "chinazj.com.cn": ("chinazj.com.cn (repost), citing Jinhua Customs", "2024-04-22"),
    "english.jinhua.gov.cn/art/2023/8/3": ("Jinhua municipal government (english.jinhua.gov.cn)", "2023-08-03"),
    "regional.chinadaily.com.cn": ("China Daily (regional)", "2020-08-10"),
    "english.jinhua.gov.cn/art/2021/3/17": ("Jinhua municipal government (english.jinhua.gov.cn)", "2021-03-17"),
    "qwitaly.com": ("意大利侨网 qwitaly.com (repost), citing Yiwu Customs", "2023-08-29"),
    "nanmuxuan.com": ("中新网 (China News Service), repost", "2021-10-20"),
    "english.jinhua.gov.cn/art/2023/5/26": ("Jinhua municipal government (english.jinhua.gov.cn)", "2023-05-26"),
    "jiaozhouweb.com": ("jiaozhouweb.com (self-media compilation)", None),
    "globaltimes.cn/page/202101": ("Global Times", "2021-01-14"),
    "chinaservicesinfo.com": ("China Daily via chinaservicesinfo.com", "2022-03-09"),
    "en.imsilkroad.com": ("Xinhua via en.imsilkroad.com", "2024-01-31"),
    "nfa5.com": ("中新网 (China News Service), repost", "2021-07-23"),
    "zhejiang.chinadaily.com.cn/2025-09/26": ("China Daily Zhejiang", "2025-09-26"),
    "zjrb.zjol.com.cn": ("浙江日报 (Zhejiang Daily)", "2023-03-11"),
    "news.china.com.cn": ("中国新闻网 (China News Service) via news.china.com.cn", "2024-02-20"),
    "cils.com.cn": ("China Hardware Association (CILS expo site)", "2021-07-16"),
    "globaltimes.cn/page/202407": ("Global Times", "2024-07-11"),
    "shdrinkbottle.com": ("shdrinkbottle.com (manufacturer blog)", "2024-05-26"),
    "news.jc001.cn": ("中国质量报 (China Quality News), repost", "2014-09-10"),
    "v884.cn": ("v884.cn (undated repost)", None),
    "yiwuzhejiang.chinadaily.com.cn/2024-05/20": ("China Daily Yiwu channel", "2024-05-20"),
    "xiaomonv0755.com": ("金华市统计局 (Jinhua Statistics Bureau), mirror", None),
    "gongwensou.com": ("gongwensou.com (repost of the Jinhua government work report)", None),
    "zgcxd.com": ("zgcxd.com", "2020-07"),
    "jinhua-homestay.com": ("jinhua-homestay.com (tourism business)", None),
    "en.yiwugo.com": ("en.yiwugo.com, citing the Yiwu statistics bureau", "2021"),
    "news.zgyww.cn": ("中国义乌网 (Yiwu municipal news portal)", "2016-12-24"),
    "m.qianjiji.cn": ("四海网 (repost of a Bloomberg-based report)", "2021-12-24"),
    "imsilkroad.com/news": ("Xinhua via imsilkroad.com", "2025-08-20"),
    "jinhua.zjol.com.cn": ("浙江在线 (Zhejiang Online)", "2016-05-26"),
    "zj.chinanews.com": ("中新网浙江 (China News Service Zhejiang)", "2021-05-26"),
    "xinlihui.cn": ("澎湃新闻 (The Paper), mirror", "2017-06"),
    "hangzhoujobs.com": ("Xinhua (repost on hangzhoujobs.com)", "2020-05-07"),
    "panexwd.com": ("panexwd.com (logistics company blog)", "2024"),
    "cymetallicthread.com": ("cymetallicthread.com (manufacturer news page)", "2023"),
    "ttav89.com": ("China Daily (mirror)", "2017-12-13"),
    "news.cgtn.com": ("CGTN", "2018-06-28"),
    "ecns.cn": ("China Daily via ecns.cn", "2015-09-06"),
    "yy.chazidian.com": ("Xinhua (repost on yy.chazidian.com)", None),
    "tzchina-base.com": ("tzchina-base.com (manufacturer blog)", "2019-03-01"),
    "news.tvb.com": ("TVB News", "2026-02-16"),
    "globaltimes.cn/page/202506": ("Global Times", "2025-06"),
    "cronachenuoresi.it": ("Xinhua (Italian service) via cronachenuoresi.it", "2023-04-26"),
    "code.python88.com": ("code.python88.com (mirror of a Yiwu economic release)", None),
    "beltandroad.news": ("beltandroad.news", None),
}

YUAN_FACTORS = {"billion yuan": Decimal(1), "100 million yuan": Decimal("0.1"), "trillion yuan": Decimal(1000)}


def dec_str(value):
    """The decimal text of a number as the survey wrote it (no float noise)."""
    return format(Decimal(repr(value)).normalize(), "f")


def convert(value, unit, target):
    """Converts a figure from the unit the source used into the metric's unit, exactly."""
    v = Decimal(repr(value))
    if target == "billion_yuan":
        return v * YUAN_FACTORS[unit]
    if target == "billion_usd":
        assert unit == "billion USD", unit
        return v
    if target in ("share_percent", "percent_change"):
        assert unit == "percent", unit
        return v
    if target == "count":
        if unit == "billion parcels":
            return v * Decimal(1_000_000_000)
        assert unit.startswith("count"), unit
        return v
    if target in ("TEU", "pairs"):
        assert unit == target, unit
        return v
    raise ValueError(f"no conversion from {unit} to {target}")


def as_number(d):
    d = d.normalize()
    return int(d) if d == d.to_integral_value() else float(d)


def decimals(value):
    exp = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exp)


def step_of(rec):
    """The rounding step of a reported yuan figure, in billion yuan (1.05 trillion: 10 billion)."""
    return Decimal(1).scaleb(-decimals(rec["value"])) * YUAN_FACTORS[rec["unit"]]


def agrees_more_precisely(precise, rounded):
    """True when `precise` rounds to `rounded` at the rounded figure's precision, and is finer."""
    if rounded["unit"] not in YUAN_FACTORS or precise["unit"] not in YUAN_FACTORS:
        return False
    step = step_of(rounded)
    p = convert(precise["value"], precise["unit"], "billion_yuan")
    r = convert(rounded["value"], rounded["unit"], "billion_yuan")
    return step_of(precise) < step and (p / step).quantize(Decimal(1)) * step == r


def source_for(url):
    for key, (publisher, published) in PUBLISHERS.items():
        if key in url:
            return publisher, published
    raise KeyError(f"no publisher for {url}")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


ALTERNATIVE_KEYS = ("value", "source", "quote", "derived", "trust", "note", "reported_value", "reported_unit")
TRUST_RANK = {"high": 3, "medium": 2, "low": 1}


def cell_key(o):
    return (o["entity"], o["metric"], o.get("category"), o.get("year"), o.get("date"), o.get("period", "full_year"))


def choose(key, cands):
    """The observation shown for a cell, with the others as its alternatives, by the rules of the
    module docstring, in their order."""
    if len(cands) == 1:
        return cands[0][2]
    tie = [c for c in cands if c[0] in TIE_BREAKS]
    if tie:
        winner = tie[0]
        winner[2]["note"] = (winner[2].get("note", "") + " " + TIE_BREAKS[winner[0]]).strip()
    else:
        rank = lambda c: ("derived" not in c[2], TRUST_RANK[c[2]["trust"]])
        ranked = sorted(cands, key=rank, reverse=True)
        top = [c for c in ranked if rank(c) == rank(ranked[0])]
        # Equally trusted sources that state the same figure do not conflict: the first is shown.
        assert len(top) == 1 or len({c[2]["value"] for c in top}) == 1 or any(
            agrees_more_precisely(c[1], ranked[0][1]) for c in top[1:]
        ), f"unresolved tie at {key}"
        winner = ranked[0]
        # Among reported figures of the winner's trust, a rounded one yields to a more precise one it agrees with.
        for c in ranked[1:]:
            if rank(c) == rank(winner) and "derived" not in c[2] and agrees_more_precisely(c[1], winner[1]):
                rounded = winner[1]
                winner = c
                winner[2]["note"] = (winner[2].get("note", "") + f" Chosen over the rounded {dec_str(rounded['value'])} {rounded['unit']} "
                                     f"({rounded['source_title']}), which it agrees with.").strip()
                break
        else:
            finer = [c for c in ranked[1:] if "derived" not in c[2] and agrees_more_precisely(c[1], winner[1])]
            if finer:
                w = winner[2]
                w["note"] = (w.get("note", "") + f" Curation: shown over the more precise {dec_str(finer[0][1]['value'])} "
                             f"({finer[0][1]['unit']}), which agrees with it but is less trusted ({finer[0][2]['trust']}).").strip()
    alternatives = list(winner[2].get("alternatives", []))
    for c in cands:
        if c is not winner:
            alternatives.append({k: v for k, v in c[2].items() if k in ALTERNATIVE_KEYS})
    winner[2]["alternatives"] = alternatives
    return winner[2]


def settle_derived(observations, winners):
    """A derived figure is never more trusted than its weakest input. Repeated until nothing
    changes: derived figures feed others."""
    changed = True
    while changed:
        changed = False
        for o in observations:
            inputs = [winners[cell_key(i)] for i in o.get("derived", {}).get("inputs", [])]
            if not inputs:
                continue
            weakest = min((i["trust"] for i in inputs), key=TRUST_RANK.get)
            if TRUST_RANK[weakest] < TRUST_RANK[o["trust"]]:
                o["note"] = (o.get("note", "") + f" Curation: rated {weakest}, not {o['trust']}: no more trusted than its weakest input.").strip()
                o["trust"] = weakest
                changed = True


def main():
    facts = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/trade-facts.json"))
    metric_of = {m[0]: m for m in METRICS}
    metric_by_id = {m[1]: m for m in METRICS}

    collected = json.load(open(COLLECTED))
    sources, source_id_of = [], {}
    for rec in facts + collected:
        url = rec["source_url"]
        if url in source_id_of:
            continue
        publisher, published = (rec["publisher"], rec.get("published")) if "publisher" in rec else source_for(url)
        inside = re.search(r"\((.*?)\)", publisher)
        name = slug(publisher.split("(")[0]) or (slug(inside.group(1)) if inside else "") or slug(url.split("/")[2])
        base = name[:28].strip("-") + ("-" + published if published else "")
        sid, n = base, 2
        while sid in {s["id"] for s in sources}:
            sid, n = f"{base}-{n}", n + 1
        src = dict(id=sid, title=re.sub(r"\s+", " ", rec["source_title"]).strip(), publisher=publisher, url=url)
        if published:
            src["published"] = published
        sources.append(src)
        source_id_of[url] = sid

    records = list(enumerate(facts)) + list(ADDED.items()) + [(f"collected-{k}", r) for k, r in enumerate(collected)]
    for key, rec in ADDED.items():
        assert rec["source_url"] in source_id_of, f"{key}: its source is not among the survey's"

    cells, recomputed = {}, []
    for i, rec in records:
        if i in LEFT_OUT:
            continue
        entity, metric = rec["entity"], metric_of[rec["metric"]][1]
        note_extra = []
        if i in RECLASSIFY:
            new_entity, metric, reason = RECLASSIFY[i]
            entity = new_entity or entity
            note_extra.append(reason)
        m = metric_by_id[metric]
        unit = m[4]
        value = convert(rec["value"], rec["unit"], unit)
        metric, category = AS_PARTS.get(metric, (metric, rec.get("category")))
        obs = dict(entity=ENTITIES[entity]["id"], metric=metric)
        if category:
            obs["category"] = category
        if i in MONTHLY or "date" in rec:
            obs["date"] = MONTHLY.get(i) or rec["date"]
        else:
            obs["year"] = rec["year"]
            if rec["period"] != "full_year":
                obs["period"] = rec["period"]
        obs["value"] = as_number(value)
        obs["source"] = source_id_of[rec["source_url"]]
        if rec["derived"] or i in FROM_WORDS:
            # A collected derived record carries its own formula and inputs.
            inputs = [
                dict(entity=ENTITIES[e]["id"], metric=mm, year=y)
                for (e, mm, y) in rec.get("inputs") or DERIVED_INPUTS.get(i, [])
            ]
            obs["derived"] = dict(formula=rec.get("formula") or FROM_WORDS.get(i) or FORMULAS[i], inputs=inputs)
            if rec.get("quote"):
                obs["quote"] = rec["quote"]
        else:
            obs["quote"] = rec["quote"]
        obs["trust"] = rec["source_trust"]
        publisher = rec.get("publisher") or source_for(rec["source_url"])[0]
        if publisher.startswith(SELF_PUBLISHED) and obs["trust"] != "low":
            obs["trust"] = "low"
            note_extra.append(f"Curation: rated low, not {rec['source_trust']}: the source is self-published.")
        notes = [n for n in [rec.get("note")] + note_extra if n]
        if notes:
            obs["note"] = " ".join(notes)
        if rec["unit"] not in (unit.replace("_", " "), "percent") and not (unit == "billion_usd"):
            obs["reported_value"] = as_number(Decimal(repr(rec["value"])))
            obs["reported_unit"] = rec["unit"]
        if i in RECOMPUTED:
            recomputed.append(obs)
            survey = copy.deepcopy({k: v for k, v in obs.items() if k in ALTERNATIVE_KEYS})
            obs["value"], obs["derived"]["formula"] = RECOMPUTED[i]
            obs.pop("quote", None)
            # Its formula states the numbers it used; its inputs would point at the figures shown now.
            survey["derived"]["inputs"] = []
            if survey["value"] != obs["value"]:
                survey["trust"] = "low"
                survey["note"] = ("The survey's figure, computed from the self-published total of 1,050.86. "
                                  + survey.get("note", "")).strip()
                obs["alternatives"] = [survey]
                obs["note"] = "Curation: recomputed from the figures shown for its inputs; the survey's figure is an alternative."
            else:
                obs["note"] = "Curation: recomputed from the figures shown for its inputs; the survey's formula, with the self-published 1,050.86, gives the same."
        cells.setdefault(cell_key(obs), []).append((i, rec, obs))

    observations = [choose(key, cands) for key, cands in cells.items()]
    winners = {cell_key(o): o for o in observations}
    # A recomputed figure comes from the figures it was computed from: the first one's source.
    for o in recomputed:
        first = winners[cell_key(o["derived"]["inputs"][0])]
        o["source"], o["trust"] = first["source"], "high"
    settle_derived(observations, winners)
    used = {o["metric"] for o in observations}
    metrics = []
    for m in METRICS:
        if m[1] not in used or any(x["id"] == m[1] for x in metrics):
            continue
        md = dict(id=m[1], name=m[2], name_zh=m[3], unit=m[4], group=m[5])
        if m[6]:
            md["share_of"] = m[6]
        md["description"] = m[7]
        metrics.append(md)
    order = {m["id"]: i for i, m in enumerate(metrics)}
    ent_order = {e["id"]: i for i, e in enumerate(ENTITIES.values())}
    cat_order = {c["id"]: i for i, c in enumerate(CATEGORIES)}
    observations.sort(key=lambda o: (ent_order[o["entity"]], order[o["metric"]], cat_order.get(o.get("category"), -1),
                                     o.get("year") or int(o["date"][:4]), o.get("date", ""), o.get("period", "")))
    used_categories = {o["category"] for o in observations if "category" in o}
    categories = [c for c in CATEGORIES if c["id"] in used_categories]
    for c in categories:
        c["overlaps"] = [x for x in c.get("overlaps", []) if x in used_categories]
        if not c["overlaps"]:
            c.pop("overlaps")
    used_sources = {o["source"] for o in observations} | {a["source"] for o in observations for a in o.get("alternatives", [])}
    sources = [s for s in sources if s["id"] in used_sources]

    dataset = dict(
        format_version=1,
        title="Foreign trade of Jinhua, Yiwu and Yongkang",
        description=(
            "Foreign trade, cross-border e-commerce and industry shares of Jinhua (Zhejiang, China) and its "
            "county-level cities Yiwu and Yongkang, with Zhejiang and China for comparison. Curated from public "
            "news reports of customs releases, government work reports and statistical bulletins, starting from "
            "China Daily's 'Inland city makes mark as global biz hub' (2026-02-14). Money in yuan is in billion "
            "yuan; figures stated in US dollars stay in dollars."
        ),
        title_zh="金华、义乌、永康对外贸易",
        description_zh=(
            "金华(中国浙江)及其县级市义乌、永康的对外贸易、跨境电商与产业份额,并以浙江和全国作对比。"
            "数据整理自海关发布、政府工作报告和统计公报的公开新闻报道,起点为《中国日报》"
            "“Inland city makes mark as global biz hub”(2026-02-14)。人民币金额以十亿元存储;"
            "以美元公布的数据保留美元。"
        ),
        sources=sources,
        entities=list(ENTITIES.values()),
        metrics=metrics,
        categories=categories,
        default_selection=dict(entities=["jinhua", "yiwu", "yongkang"], metrics=["exports"]),
        observations=observations,
    )
    json.dump(dataset, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    print(f"{len(observations)} observations, {sum(len(o.get('alternatives', [])) for o in observations)} alternatives, "
          f"{len(sources)} sources, {len(metrics)} metrics; left out: {sorted(LEFT_OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
