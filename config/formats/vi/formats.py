"""Vietnamese formats, overriding Django's `vi` locale where it is wrong for a news site.

Django's `vi` locale has THOUSAND_SEPARATOR "." but no NUMBER_GROUPING, so 45239 would print
as "45239"; its SHORT_DATE_FORMAT is "d-m-Y"; and with no DATE_INPUT_FORMATS, "05/03/2025"
would be read as 3 May. Vietnamese readers expect 45.239, 1.234.567,5 and 05/03/2025 = 5 March.
"""

DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "H:i, d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i, d/m/Y"
YEAR_MONTH_FORMAT = "m/Y"
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%H:%M, %d/%m/%Y",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
