# Writes Benchmarks/dates/expressions.tsv (python3 Benchmarks/dates/generate.py [OUT]): each row
# states what a careful reader means by a date expression written on a given day. The shapes come
# from Corpus/ notes and the date parser's tests; the sentences are written here. Each shape's
# meaning is stated once below and its dates worked out by plain calendar arithmetic, then checked
# by hand on a sample; a row with two fair readings lists both ("a|b").
import datetime as dt, calendar, itertools
D = dt.date
def iso(d): return d.isoformat()
def wd(note, k, same_next=True):  # next weekday k (0=Mon) on/after note; same weekday -> +7
    delta = (k - note.weekday()) % 7
    if delta == 0 and same_next: delta = 7
    return note + dt.timedelta(delta)
def eom(y, m): return D(y, m, calendar.monthrange(y, m)[1])
def addm(y, m, n):
    m2 = m - 1 + n
    return y + m2 // 12, m2 % 12 + 1
def nearest(note, m, d):  # occurrence nearest the note's date
    cands = []
    for y in (note.year - 1, note.year, note.year + 1):
        try: cands.append(D(y, m, d))
        except ValueError: pass
    return min(cands, key=lambda c: (abs((c - note).days), c < note))
def nth_next(note, day):  # the next `day` of a month at or after note
    y, m = note.year, note.month
    if note.day > day: y, m = addm(y, m, 1)
    return D(y, m, day)
def week_end(d, friday=False):
    sunday = d + dt.timedelta(6 - d.weekday())
    return sunday - dt.timedelta(2) if friday else sunday
def it_day(prep, day):  # "entro il 10", "entro l'11", "prima dell'8", "dall'1"
    if day in (1, 8, 11):
        return {"il": "l'", "del": "dell'", "dal": "dall'", "al": "all'"}[prep] + str(day)
    return f"{prep} {day}"
def either(*ds): return "|".join(iso(d) for d in ds)

rows = []
def add(lang, note, hard, sentence, phrase, expected, shape, extra=""):
    rows.append((lang, iso(note), "hard" if hard else "plain", shape, extra, sentence, phrase,
                 expected if isinstance(expected, str) else iso(expected)))

EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
IT_DAYS = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
EN_MON = [calendar.month_name[i] for i in range(1, 13)]
EN_ABBR = [calendar.month_abbr[i] for i in range(1, 13)]
IT_MON = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
          "ottobre", "novembre", "dicembre"]
notes = [D(2026, 11, 23), D(2027, 1, 12), D(2026, 3, 4), D(2019, 6, 14), D(2026, 9, 30), D(2025, 2, 20)]
en_owner = itertools.cycle(["Priya", "Tom", "Wen", "Ana", "Jo", "Omar", "Lena", "Raj"])
it_owner = itertools.cycle(["Marco", "Giulia", "Luca", "Sara", "Paolo", "Anna", "Chiara", "Davide"])
en_task = itertools.cycle(["send the deck", "fix the build", "review the contract", "update the roadmap",
                           "draft the FAQ", "book the room", "merge the PR", "call the vendor"])
it_task = itertools.cycle(["inviare il report", "sistemare la pipeline", "rivedere il contratto",
                           "aggiornare la roadmap", "preparare le slide", "chiamare il fornitore",
                           "chiudere il ticket", "verificare i dati"])
def en(note, hard, fmt, phrase, exp, shape, extra=""):
    add("en", note, hard, f"{next(en_owner)} to {next(en_task)} {fmt}", phrase, exp, shape, extra)
def it(note, hard, fmt, phrase, exp, shape, extra=""):
    add("it", note, hard, f"{next(it_owner)}: {next(it_task)} {fmt}", phrase, exp, shape, extra)

for note in notes:
    y, m = note.year, note.month
    # --- plain shapes
    iso_d = note + dt.timedelta(17)
    en(note, False, f"by {iso(iso_d)}", iso(iso_d), iso_d, "iso")
    it(note, False, f"entro il {iso(iso_d)}", iso(iso_d), iso_d, "iso")
    full = note + dt.timedelta(40)
    en(note, False, f"by {EN_MON[full.month-1]} {full.day}, {full.year}", f"{EN_MON[full.month-1]} {full.day}, {full.year}", full, "month-day-year")
    it(note, False, f"entro {it_day('il', full.day)} {IT_MON[full.month-1]} {full.year}", f"{full.day} {IT_MON[full.month-1]} {full.year}", full, "day-month-year")
    it(note, False, f"entro il {full.day:02d}/{full.month:02d}/{full.year}", f"{full.day:02d}/{full.month:02d}/{full.year}", full, "numeric-dmy")
    part = note + dt.timedelta(25)
    en(note, False, f"by {part.day} {EN_ABBR[part.month-1]}", f"{part.day} {EN_ABBR[part.month-1]}", nearest(note, part.month, part.day), "day-month")
    en(note, False, f"by {EN_MON[part.month-1]} {part.day}", f"{EN_MON[part.month-1]} {part.day}", nearest(note, part.month, part.day), "month-day")
    it(note, False, f"entro {it_day('il', part.day)} {IT_MON[part.month-1]}", f"{part.day} {IT_MON[part.month-1]}", nearest(note, part.month, part.day), "day-month")
    it(note, False, f"per il {part.day}/{part.month}", f"{part.day}/{part.month}", nearest(note, part.month, part.day), "numeric-dm")
    for k in (1, 3, 4):
        if k == note.weekday(): continue
        en(note, False, f"by {EN_DAYS[k]}", f"by {EN_DAYS[k]}", wd(note, k), "weekday")
        it(note, False, f"entro {IT_DAYS[k]}", f"entro {IT_DAYS[k]}", wd(note, k), "weekday")
    en(note, False, "tomorrow", "tomorrow", note + dt.timedelta(1), "relative-day")
    it(note, False, "domani", "domani", note + dt.timedelta(1), "relative-day")
    it(note, False, "dopodomani", "dopodomani", note + dt.timedelta(2), "relative-day")
    en(note, False, "in 3 days", "in 3 days", note + dt.timedelta(3), "in-n-days")
    it(note, False, "tra 10 giorni", "tra 10 giorni", note + dt.timedelta(10), "in-n-days")
    en(note, False, "in two weeks", "in two weeks", note + dt.timedelta(14), "in-n-weeks")
    it(note, False, "fra due settimane", "fra due settimane", note + dt.timedelta(14), "in-n-weeks")
    en(note, False, "by end of month", "end of month", eom(y, m), "end-of-month")
    it(note, False, "entro fine mese", "fine mese", eom(y, m), "end-of-month")
    en(note, False, "by end of year", "end of year", D(y, 12, 31), "end-of-year")
    it(note, False, "entro fine anno", "fine anno", D(y, 12, 31), "end-of-year")
    q = (m - 1) // 3
    en(note, False, "by end of quarter", "end of quarter", eom(y, 3 * q + 3), "end-of-quarter")
    it(note, False, "entro fine trimestre", "fine trimestre", eom(y, 3 * q + 3), "end-of-quarter")
    en(note, False, "by EOD", "EOD", note, "eod")
    it(note, False, "entro oggi", "entro oggi", note, "today")
    en(note, False, "by EOW", "EOW", week_end(note, friday=True) if note.weekday() < 5 else week_end(note + dt.timedelta(7), True), "eow")
    ny, nm = addm(y, m, 1)
    en(note, False, f"in {EN_MON[nm-1]}", f"in {EN_MON[nm-1]}", eom(ny, nm), "month")
    it(note, False, f"a {IT_MON[nm-1]}", f"a {IT_MON[nm-1]}", eom(ny, nm), "month")
    en(note, False, "by next week", "next week", either(week_end(note + dt.timedelta(7), True), week_end(note + dt.timedelta(7))), "next-week")
    it(note, False, "entro la settimana prossima", "settimana prossima", either(week_end(note + dt.timedelta(7), True), week_end(note + dt.timedelta(7))), "next-week")
    en(note, False, "by end of next month", "end of next month", eom(ny, nm), "end-of-next-month")
    it(note, False, "entro fine del mese prossimo", "fine del mese prossimo", eom(ny, nm), "end-of-next-month")
    # --- hard shapes
    k = 1 if note.weekday() != 1 else 2
    en(note, True, f"by 4pm {EN_DAYS[k]}", f"4pm {EN_DAYS[k]}", wd(note, k), "hour-and-day")
    it(note, True, f"entro le 16 di {IT_DAYS[k]}", f"le 16 di {IT_DAYS[k]}", wd(note, k), "hour-and-day")
    it(note, True, f"entro le 12:30 di {IT_DAYS[4 if note.weekday()!=4 else 3]}", f"le 12:30 di {IT_DAYS[4 if note.weekday()!=4 else 3]}", wd(note, 4 if note.weekday()!=4 else 3), "hour-and-day")
    en(note, True, "by 5pm", "5pm", note, "hour-only")
    it(note, True, "entro le 18", "le 18", note, "hour-only")
    same = note.weekday()
    if same < 5:
        en(note, True, f"by {EN_DAYS[same]}", f"by {EN_DAYS[same]}", note + dt.timedelta(7), "same-weekday")
        it(note, True, f"entro {IT_DAYS[same]}", f"entro {IT_DAYS[same]}", note + dt.timedelta(7), "same-weekday")
    k = 2 if note.weekday() != 2 else 3
    en(note, True, f"before {EN_DAYS[k]}", f"before {EN_DAYS[k]}", wd(note, k) - dt.timedelta(1), "before-weekday")
    it(note, True, f"prima di {IT_DAYS[k]}", f"prima di {IT_DAYS[k]}", wd(note, k) - dt.timedelta(1), "before-weekday")
    b = nearest(note, part.month, part.day)
    en(note, True, f"before {EN_ABBR[b.month-1]} {b.day}", f"before {EN_ABBR[b.month-1]} {b.day}", b - dt.timedelta(1), "before-date")
    it(note, True, f"prima {it_day('del', b.day)} {IT_MON[b.month-1]}", f"prima {it_day('del', b.day)} {IT_MON[b.month-1]}", b - dt.timedelta(1), "before-date")
    r = note + dt.timedelta(30)
    r2 = r + dt.timedelta(2)
    if r2.month == r.month:
        en(note, True, f"on {EN_ABBR[r.month-1]} {r.day}–{r2.day}", f"{EN_ABBR[r.month-1]} {r.day}–{r2.day}", nearest(note, r2.month, r2.day), "range")
        it(note, True, f"{it_day('dal', r.day)} {it_day('al', r2.day)} {IT_MON[r.month-1]}", f"{it_day('dal', r.day)} {it_day('al', r2.day)} {IT_MON[r.month-1]}", nearest(note, r2.month, r2.day), "range")
        it(note, True, f"il {r.day}-{r2.day} {IT_MON[r.month-1]}", f"{r.day}-{r2.day} {IT_MON[r.month-1]}", nearest(note, r2.month, r2.day), "range")
    back = note - dt.timedelta(30)
    en(note, True, f"by {back.day} {EN_ABBR[back.month-1]}", f"{back.day} {EN_ABBR[back.month-1]}", nearest(note, back.month, back.day), "past-partial")
    it(note, True, f"entro {it_day('il', back.day)} {IT_MON[back.month-1]}", f"{back.day} {IT_MON[back.month-1]}", nearest(note, back.month, back.day), "past-partial")
    day = 10 if note.day > 10 else 28
    en(note, True, f"by the {day}th", f"the {day}th", nth_next(note, day), "nth-of-month")
    it(note, True, f"entro il {day}", f"entro il {day}", nth_next(note, day), "nth-of-month")
    en(note, True, f"on the {day}th", f"the {day}th", nth_next(note, day), "nth-of-month")
    it(note, True, "entro il 10 del mese prossimo", "10 del mese prossimo", D(ny, nm, 10), "nth-of-next-month")
    it(note, True, "entro il 10 p.v.", "10 p.v.", D(ny, nm, 10), "pv")
    en(note, True, "in a fortnight", "in a fortnight", note + dt.timedelta(14), "fortnight")
    sat = wd(note, 5, same_next=False)
    it(note, True, "nel weekend", "nel weekend", either(sat, sat + dt.timedelta(1)), "weekend")
    en(note, True, "over the weekend", "over the weekend", either(sat, sat + dt.timedelta(1)), "weekend")
    sep_y = y if m <= 9 else y + 1
    if m <= 9:
        en(note, True, "this September", "this September", eom(sep_y, 9), "this-month-name")
    it(note, True, "entro settembre", "entro settembre", eom(sep_y, 9), "month-name")
    wk = nearest(note, r.month, r.day)
    it(note, True, f"nella settimana {it_day('del', wk.day)} {IT_MON[wk.month-1]}", f"settimana {it_day('del', wk.day)} {IT_MON[wk.month-1]}", either(week_end(wk, True), week_end(wk)), "week-of")
    en(note, True, f"in the week of {EN_ABBR[wk.month-1]} {wk.day}", f"week of {EN_ABBR[wk.month-1]} {wk.day}", either(week_end(wk, True), week_end(wk)), "week-of")
    en(note, True, "by end of week", "end of week", either(week_end(note, True) if note.weekday() < 5 else week_end(note + dt.timedelta(7), True), week_end(note)), "end-of-week")
    it(note, True, "entro fine settimana", "fine settimana", either(week_end(note, True) if note.weekday() < 5 else week_end(note + dt.timedelta(7), True), week_end(note)), "end-of-week")
    k = 4 if note.weekday() != 4 else 3
    it(note, True, f"entro {IT_DAYS[k]} prossimo", f"{IT_DAYS[k]} prossimo", either(wd(note, k), wd(note, k) + dt.timedelta(7)), "next-weekday")
    en(note, True, f"by next {EN_DAYS[k]}", f"next {EN_DAYS[k]}", either(wd(note, k), wd(note, k) + dt.timedelta(7)), "next-weekday")
    # sprints: sprint 1 starts on a Monday shortly before the note, two weeks each
    start = note - dt.timedelta(note.weekday() + 21)
    n = 3
    end = start + dt.timedelta(14 * n - 1)
    en(note, True, f"by end of sprint {n}", f"end of sprint {n}", end, "sprint", f"sprint={iso(start)}/14")
    it(note, True, f"entro fine sprint {n}", f"fine sprint {n}", end, "sprint", f"sprint={iso(start)}/14")
    # deadline among other dates
    away = nearest(note, part.month, part.day)
    en(note, True, f"(away {away.day} {EN_ABBR[away.month-1]}) by {(away - dt.timedelta(1)).day} {EN_ABBR[(away - dt.timedelta(1)).month-1]}",
       f"{(away - dt.timedelta(1)).day} {EN_ABBR[(away - dt.timedelta(1)).month-1]}", away - dt.timedelta(1), "deadline-among-dates")
    # month-first notes
    mf = note + dt.timedelta(19)
    add("en", note, True, f"{next(en_owner)} to {next(en_task)} by {mf.month}/{mf.day}", f"{mf.month}/{mf.day}",
        iso(nearest(note, mf.month, mf.day)), "numeric-md-us", "order=month-first")
    add("en", note, True, f"{next(en_owner)} to {next(en_task)} by {mf.month:02d}/{mf.day:02d}/{mf.year}",
        f"{mf.month:02d}/{mf.day:02d}/{mf.year}", iso(mf), "numeric-mdy-us", "order=month-first")

import sys
out = sys.argv[1] if len(sys.argv) > 1 else __file__.replace("generate.py", "expressions.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# lang\tnote_date\tset\tshape\tcontext\tsentence\tphrase\texpected\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(len(rows), sum(r[2] == "hard" for r in rows), sum(r[0] == "it" for r in rows))
