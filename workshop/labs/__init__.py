"""The modules' interactive labs: charts, the what-if explorers, 05's proposal form, 09's
leading explorer and 10's capstone case."""
