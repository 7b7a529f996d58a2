"""World regions, territories and seas that news names and that are neither countries nor
towns, with approximate centres: the gazetteer indexes them as regions (``build.py``)."""

from __future__ import annotations

# Regions news names that are neither countries nor towns (approximate centres), so that
# "the Middle East" or "Darfur" do not resolve to a village of that name.
MACRO_REGIONS: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    ("Middle East", "", 33.14, 35.86, ("Mideast",)),  # GeoNames 6269133
    ("Persian Gulf", "", 27.0, 51.0, ("Arabian Gulf",)),
    ("Balkans", "", 43.0, 21.0, ()),
    ("Caucasus", "", 42.5, 44.5, ("North Caucasus",)),
    ("Scandinavia", "", 62.0, 14.0, ()),
    ("Sahel", "", 14.0, 2.0, ()),
    ("Horn of Africa", "", 8.0, 45.0, ()),
    # GeoNames has no Latin America: South America's point (GeoNames 6255150), where most
    # of it lies.
    ("Latin America", "", -14.60485, -57.65625, ()),
    ("Central Asia", "", 43.0, 65.0, ()),
    ("Southeast Asia", "", 10.0, 106.0, ()),
    ("West Africa", "", 11.0, -3.0, ()),
    ("East Africa", "", 0.0, 37.0, ()),
    ("Kurdistan", "", 36.5, 44.0, ()),
    ("Kashmir", "", 34.0, 75.5, ()),
    ("Punjab", "", 31.0, 74.0, ()),
    ("Arctic", "", 80.0, 0.0, ()),
    ("Antarctica", "", -80.0, 0.0, ()),
    ("Donbas", "UA", 48.0, 38.0, ("Donbass",)),
    ("Crimea", "UA", 45.0, 34.0, ("Crimean Peninsula",)),
    ("Darfur", "SD", 13.0, 24.5, ()),
    # The two Palestinian territories are regions of their own, not the country's point
    # (which lies in the West Bank): "Gaza" alone means the Strip, "Gaza City" the city.
    ("Gaza Strip", "PS", 31.42, 34.37, ("Gaza",)),
    ("West Bank", "PS", 31.95, 35.25, ()),
    ("Siberia", "RU", 60.0, 100.0, ()),
    ("Tigray", "ET", 14.0, 39.0, ()),
    ("Sinai", "EG", 29.5, 33.8, ("Sinai Peninsula",)),
    ("Golan Heights", "SY", 33.0, 35.75, ("Golan",)),
    ("Nagorno-Karabakh", "AZ", 39.8, 46.75, ("Karabakh",)),
    ("Transnistria", "MD", 47.25, 29.4, ()),
    ("Balochistan", "PK", 28.5, 65.0, ("Baluchistan",)),
    ("Patagonia", "AR", -45.0, -69.0, ()),
    ("South Ossetia", "GE", 42.3, 44.0, ()),
    ("Abkhazia", "GE", 43.0, 41.0, ()),
    ("Chechnya", "RU", 43.4, 45.7, ()),
    ("England", "GB", 52.5, -1.5, ()),
    ("Scotland", "GB", 56.5, -4.0, ()),
    ("Wales", "GB", 52.3, -3.7, ()),
    ("Northern Ireland", "GB", 54.6, -6.7, ()),
    ("Black Sea", "", 43.0, 35.0, ()),
    ("Sea of Azov", "", 46.0, 36.5, ("Azov Sea",)),
    ("Mediterranean", "", 35.0, 20.0, ("Mediterranean Sea",)),  # GeoNames 363196
    ("Baltic Sea", "", 58.0, 20.0, ("Baltic",)),
    ("Red Sea", "", 20.0, 38.5, ()),
    # seas, gulfs and straits named after a town: "the Gulf of Aden" is no attack on Aden
    ("Gulf of Aden", "", 12.0, 48.0, ()),
    ("Arabian Sea", "", 15.0, 65.0, ()),
    ("Gulf of Oman", "", 24.5, 58.5, ()),
    ("Strait of Hormuz", "", 26.6, 56.3, ("Hormuz Strait",)),
    ("Bab el-Mandeb", "", 12.6, 43.3, ("Bab al-Mandab", "Bab-el-Mandeb", "Bab el-Mandab")),
    ("South China Sea", "", 12.0, 113.0, ()),
    ("East China Sea", "", 29.0, 125.0, ()),
    ("Sea of Japan", "", 40.0, 135.0, ()),
    ("Caspian Sea", "", 41.5, 50.5, ()),
    ("Gulf of Guinea", "", 2.0, 3.0, ()),
    ("Gulf of Mexico", "", 25.0, -90.0, ()),
    ("Lake Chad", "", 13.0, 14.5, ("Lake Chad Basin",)),
    ("Caribbean", "", 15.0, -75.0, ("Caribbean Sea",)),
    ("Atlantic Ocean", "", 10.0, -25.0, ("Atlantic",)),  # GeoNames' points
    ("Pacific Ocean", "", 0.0, -160.0, ("Pacific",)),
    ("Indian Ocean", "", -10.0, 70.0, ()),
    ("North Africa", "", 28.0, 10.0, ()),
    ("Central America", "", 12.8, -85.6, ()),
    ("Korean Peninsula", "", 37.5, 127.5, ()),
)
