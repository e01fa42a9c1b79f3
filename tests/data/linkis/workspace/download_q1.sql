--@set run_date=20240101
--
select 1